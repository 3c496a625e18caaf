package io.vettify.crm.security;

import static io.restassured.RestAssured.given;
import static io.vettify.crm.testing.Json.obj;
import static io.vettify.crm.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.KeycloakTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runtime accepts real tokens of the local Keycloak: their scopes, tenant and audience decide, as for dev tokens. */
@QuarkusTest
class KeycloakTokensTest {

    private static final String LEADS = "/v1/crm/leads";

    /** The Keycloak users' tenants are the shared demo and globex: each test deletes the leads it made there. */
    private final List<Map.Entry<String, String>> created = new ArrayList<>();

    @AfterEach
    void deleteTheLeadsCreated() {
        created.forEach(lead -> asUser(lead.getKey()).delete(LEADS + "/" + lead.getValue()).then().statusCode(204));
    }

    /** Creates the lead as the user, who deletes it after the test (a warehouse row is the warehouse's to delete). */
    private String create(String username, Map<String, Object> lead) {
        String id = asUser(username).body(lead).post(LEADS).then().statusCode(201).extract().path("id");
        created.add(Map.entry(username, id));
        return id;
    }

    private static RequestSpecification asUser(String username) {
        return bearer(KeycloakTokens.accessToken(username));
    }

    private static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static Map<String, Object> newLead() {
        return newLead(uniqueEmail());
    }

    private static Map<String, Object> newLead(String email) {
        return obj("firstName", "Ana", "lastName", "Keycloak", "email", email, "source", "WEB");
    }

    private static String uniqueEmail() {
        return "kc-" + UUID.randomUUID() + "@keycloak-test.example";
    }

    @Test
    void keycloakIssuesTheClaimsOfTheRealm() {
        var sales = KeycloakTokens.claims(KeycloakTokens.accessToken("demo-sales"));
        assertThat(sales.getString("iss")).isEqualTo(KeycloakTokens.issuer());
        assertThat(sales.getString("aud")).isEqualTo("vettify-crm");
        assertThat(sales.getString("tid")).isEqualTo("demo");
        assertThat(sales.getString("scope").split(" ")).contains(Scopes.READ, Scopes.WRITE)
                .doesNotContain(Scopes.CAMPAIGNS, Scopes.ADMIN);
        var marketing = KeycloakTokens.claims(KeycloakTokens.accessToken("demo-marketing"));
        assertThat(marketing.getString("scope").split(" ")).contains(Scopes.READ, Scopes.CAMPAIGNS)
                .doesNotContain(Scopes.WRITE, Scopes.ADMIN);
        var admin = KeycloakTokens.claims(KeycloakTokens.accessToken("demo-admin"));
        assertThat(admin.getString("scope").split(" "))
                .contains(Scopes.READ, Scopes.WRITE, Scopes.CAMPAIGNS, Scopes.ADMIN);
        assertThat(KeycloakTokens.claims(KeycloakTokens.accessToken("demo-sales-cluj")).getString("whid"))
                .isEqualTo("cluj");
        assertThat(KeycloakTokens.claims(KeycloakTokens.accessToken("globex-sales")).getString("tid"))
                .isEqualTo("globex");
    }

    @Test
    void theSalesUserReadsAndWritesLeads() {
        String id = create("demo-sales", newLead());
        asUser("demo-sales").get(LEADS + "/" + id).then().statusCode(200).body("id", equalTo(id));
        asUser("demo-sales").post(LEADS + "/" + id + "/qualify").then().statusCode(200)
                .body("status", equalTo("QUALIFIED"));
    }

    @Test
    void theMarketingUserReadsLeadsButMayNotWriteThem() {
        String id = create("demo-sales", newLead());
        asUser("demo-marketing").get(LEADS + "/" + id).then().statusCode(200);
        assertProblem(asUser("demo-marketing").body(newLead()).post(LEADS), 403);
        assertProblem(asUser("demo-marketing").post(LEADS + "/" + id + "/qualify"), 403);
    }

    @Test
    void theGlobexUserSeesNoneOfDemosLeads() {
        String email = uniqueEmail();
        String id = create("demo-sales", newLead(email));
        asUser("demo-sales").queryParam("q", email).get(LEADS).then().statusCode(200).body("items.id", hasItem(id));
        assertProblem(asUser("globex-sales").get(LEADS + "/" + id), 404);
        asUser("globex-sales").queryParam("q", email).get(LEADS).then().statusCode(200).body("items", empty());
        asUser("globex-sales").queryParam("limit", 100).get(LEADS).then().statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void aWarehouseUserWorksInItsWarehouse() {
        Map<String, Object> lead = new HashMap<>(newLead());
        lead.put("whid", "cluj");
        String id = create("demo-sales-cluj", lead);
        asUser("demo-sales-cluj").get(LEADS + "/" + id).then().statusCode(200).body("whid", equalTo("cluj"));
        assertProblem(asUser("demo-sales-iasi").get(LEADS + "/" + id), 404);
    }

    @Test
    void aKeycloakTokenForAnotherAudienceIsRefused() {
        String idToken = KeycloakTokens.idToken("demo-sales");
        var claims = KeycloakTokens.claims(idToken);
        assertThat(claims.getString("iss")).isEqualTo(KeycloakTokens.issuer());
        assertThat(claims.getString("aud")).isEqualTo("vettify-service-tests");
        assertProblem(bearer(idToken).get(LEADS), 401);
    }

    @Test
    void aTamperedKeycloakTokenIsRefused() {
        String[] parts = KeycloakTokens.accessToken("globex-sales").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("\"tid\":\"globex\"", "\"tid\":\"demo\"").getBytes(StandardCharsets.UTF_8));
        assertThat(forged).isNotEqualTo(parts[1]);
        assertProblem(bearer(parts[0] + "." + forged + "." + parts[2]).get(LEADS), 401);
        assertProblem(bearer(parts[0] + "." + parts[1] + "." + flipFirstCharacter(parts[2])).get(LEADS), 401);
    }

    @Test
    void devTokensAreStillAccepted() {
        Api.as(Api.newTenant(), Scopes.READ).get(LEADS).then().statusCode(200);
    }

    private static String flipFirstCharacter(String signature) {
        return (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
    }
}
