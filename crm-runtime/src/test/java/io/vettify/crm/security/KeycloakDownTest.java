package io.vettify.crm.security;

import static io.restassured.RestAssured.given;
import static io.vettify.crm.testing.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.vettify.crm.testing.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With its Keycloak unreachable the runtime still starts and serves dev tokens; a token claiming to come from that
 * Keycloak is refused with a 401, not an error.
 */
@QuarkusTest
@TestProfile(KeycloakDownTest.UnreachableKeycloak.class)
class KeycloakDownTest {

    static final String UNREACHABLE_ISSUER = "http://localhost:" + closedPort() + "/realms/vettify";

    public static class UnreachableKeycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vettify.ui.oidc.authority", UNREACHABLE_ISSUER);
        }
    }

    @Test
    void devTokensWorkWhileKeycloakIsDown() {
        Api.as(Api.newTenant(), Scopes.READ).get("/v1/crm/leads").then().statusCode(200);
    }

    @Test
    void aTokenOfTheUnreachableKeycloakIsUnauthorized() throws NoSuchAlgorithmException {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String token = Jwt.issuer(UNREACHABLE_ISSUER).audience("vettify-crm").subject("someone").claim("tid", "demo")
                .claim("scope", Scopes.READ).expiresIn(300).jws().keyId("unknown")
                .sign(generator.generateKeyPair().getPrivate());
        assertProblem(given().auth().oauth2(token).accept(ContentType.JSON).get("/v1/crm/leads"), 401);
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
