package io.vettify.crm.messaging;

import static io.vettify.crm.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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

@QuarkusTest
class OutboxMaintenanceTest {

    @Inject
    OutboxRelay relay;

    private final String tenant = Api.newTenant();

    @Test
    void publishedEventsArePrunedAfterTheRetentionPeriodAndPendingOnesNever() throws SQLException {
        UUID old = insert("now() - interval '8 days'", "now() - interval '8 days'");
        UUID recent = insert("now() - interval '1 day'", "now() - interval '1 day'");
        UUID oldButPending = insert("now() - interval '9 days'", null);
        relay.prune();
        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
        // the relay may publish it meanwhile: then it is a fresh publication, not one to prune
        assertThat(exists(oldButPending)).isTrue();
    }

    @Test
    void theBacklogAndThePublishedCountAreMetrics() {
        as(tenant).body(Map.of("email", "metrics@events.example")).post("/v1/crm/leads").then().statusCode(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = RestAssured.get("/q/metrics").asString();
            assertThat(metrics).contains("vettify_outbox_backlog ", "vettify_outbox_oldest_pending_age_seconds ")
                    .containsPattern("vettify_outbox_published_total\\{type=\"crm.lead.created\"\\} [1-9]");
        });
    }

    private UUID insert(String occurredAt, String publishedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection db = Database.connect("vettify_owner"); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO crm_messaging.outbox (id, tid, event_type, aggregate_type, aggregate_id, payload, "
                        + "correlation_id, occurred_at, published_at) VALUES (?, ?, 'crm.lead.created', 'lead', ?, "
                        + "jsonb_build_object('leadId', gen_random_uuid(), 'source', 'WEB', 'status', 'NEW', 'score', 0, "
                        + "'company', null, 'cui', null, 'createdAt', now()), 'prune-test', " + occurredAt + ", " + (publishedAt == null ? "NULL" : publishedAt) + ")")) {
            insert.setObject(1, id);
            insert.setString(2, tenant);
            insert.setObject(3, UUID.randomUUID());
            insert.executeUpdate();
        }
        return id;
    }

    private static boolean exists(UUID id) throws SQLException {
        try (Connection db = Database.connect("vettify_owner");
                PreparedStatement query = db.prepareStatement("SELECT 1 FROM crm_messaging.outbox WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }
}
