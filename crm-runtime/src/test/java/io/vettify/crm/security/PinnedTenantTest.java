package io.vettify.crm.security;

import static io.vettify.crm.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A runtime pinned to one tenant (a tenant's own deployment) refuses every other tenant's token with 403. */
@QuarkusTest
@TestProfile(PinnedTenantTest.PinnedToAcme.class)
class PinnedTenantTest {

    public static class PinnedToAcme implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vettify.tenant.id", "acme");
        }
    }

    @Test
    void theOwnTenantIsServed() {
        as("acme", Scopes.READ).get("/v1/crm/leads").then().statusCode(200);
    }

    @Test
    void anotherTenantsTokenIsForbiddenOnEveryRouteWhateverItsScopes() {
        as("globex").get("/v1/crm/leads").then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("detail", containsString("another tenant"));
        as("globex").body(Map.of("name", "Globex SRL")).post("/v1/crm/accounts").then().statusCode(403);
        as("globex").get("/v1/crm/accounts/00000000-0000-0000-0000-000000000001").then().statusCode(403);
    }
}
