package io.vettify.crm.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.vettify.platform.testing.LocalServices;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Real tokens of the local Keycloak (realm vettify, scripts/keycloak/vettify-realm.json), by the password grant of the
 * confidential client for service tests. Starts Keycloak when it does not run.
 */
public final class KeycloakTokens {

    /** The development-only password of every demo user of the realm. */
    public static final String DEMO_PASSWORD = "vettify-dev";
    private static final String CLIENT_ID = "vettify-service-tests";
    private static final String CLIENT_SECRET = "dev-only-service-tests-secret";

    private KeycloakTokens() {
    }

    public static String issuer() {
        return LocalServices.keycloakUrl() + "/realms/vettify";
    }

    /** A fresh access token of a demo user (e.g. demo-sales). */
    public static String accessToken(String username) {
        return grant(username, "").getString("access_token");
    }

    /** The OpenID Connect ID token of a demo user: signed by Keycloak, but its audience is the client, not the CRM. */
    public static String idToken(String username) {
        return grant(username, "openid").getString("id_token");
    }

    /** The claims of a token, decoded without verification (for assertions on what Keycloak issued). */
    public static JsonPath claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return new JsonPath(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static JsonPath grant(String username, String scope) {
        LocalServices.ensureKeycloak();
        var request = given().baseUri(LocalServices.keycloakUrl())
                .formParam("grant_type", "password")
                .formParam("client_id", CLIENT_ID)
                .formParam("client_secret", CLIENT_SECRET)
                .formParam("username", username)
                .formParam("password", DEMO_PASSWORD);
        if (!scope.isEmpty()) {
            request.formParam("scope", scope);
        }
        return request.post("/realms/vettify/protocol/openid-connect/token")
                .then().statusCode(200).extract().jsonPath();
    }
}
