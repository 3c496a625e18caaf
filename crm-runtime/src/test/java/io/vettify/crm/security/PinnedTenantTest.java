package io.vettify.crm.security;

import static io.vettify.crm.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vettify.crm.leads.responses.LeadResponseSweeper;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Database;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A runtime pinned to one tenant (a tenant's own deployment) refuses every other tenant's token with 403, and its
 * background work serves that tenant only.
 */
@QuarkusTest
@TestProfile(PinnedTenantTest.PinnedToAcme.class)
class PinnedTenantTest {

    public static class PinnedToAcme implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vettify.tenant.id", "acme");
        }
    }

    @Inject
    LeadResponseSweeper sweeper;

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

    @Test
    void theLeadResponseSliShowsBothOutcomesOfTheOwnTenantFromTheStart() {
        assertThat(RestAssured.get("/q/metrics").asString())
                .containsPattern("vettify_lead_responses_total\\{outcome=\"responded\",tid=\"acme\"} \\d")
                .containsPattern("vettify_lead_responses_total\\{outcome=\"missed\",tid=\"acme\"} \\d");
    }

    @Test
    void theLeadResponseSweepServesTheOwnTenantOnly() throws SQLException {
        // deadlines of leads that do not exist: the sweep drops them, settling nothing; the other tenant's is older
        UUID foreign = overdueDeadline(Api.newTenant(), "1 hour");
        UUID own = overdueDeadline("acme", "1 minute");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            sweeper.sweep();
            return !deadlinePending(own);
        });
        assertThat(deadlinePending(foreign)).isTrue();
    }

    private static UUID overdueDeadline(String tid, String overdueBy) throws SQLException {
        UUID lead = UUID.randomUUID();
        try (Connection db = Database.connect("vettify_app"); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO crm_messaging.lead_response_due (tid, lead_id, due_at) VALUES (?, ?, now() - ?::interval)")) {
            insert.setString(1, tid);
            insert.setObject(2, lead);
            insert.setString(3, overdueBy);
            insert.executeUpdate();
        }
        return lead;
    }

    private static boolean deadlinePending(UUID lead) throws SQLException {
        try (Connection db = Database.connect("vettify_app"); PreparedStatement pending = db.prepareStatement(
                "SELECT 1 FROM crm_messaging.lead_response_due WHERE lead_id = ?")) {
            pending.setObject(1, lead);
            try (ResultSet rs = pending.executeQuery()) {
                return rs.next();
            }
        }
    }
}
