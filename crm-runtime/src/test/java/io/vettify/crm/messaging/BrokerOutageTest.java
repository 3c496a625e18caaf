package io.vettify.crm.messaging;

import static io.vettify.crm.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Database;
import io.vettify.crm.testing.EventTap;
import io.vettify.crm.testing.EventTap.Event;
import io.vettify.crm.testing.LocalServicesResource;
import io.vettify.crm.testing.TcpProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The runtime reaches RabbitMQ through a loopback proxy the test controls. With the broker away, writes still
 * succeed and events wait in the outbox; when it is back they all arrive, once, in order.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.ThroughProxy.class)
class BrokerOutageTest {

    static TcpProxy proxy;

    public static class ThroughProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProxyResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vettify.outbox.confirm-timeout", "PT2S", "vettify.outbox.poll-interval", "1s");
        }
    }

    public static class ProxyResource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                proxy = new TcpProxy(LocalServicesResource.amqpPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("rabbitmq-port", String.valueOf(proxy.port()));
        }

        @Override
        public void stop() {
            try {
                proxy.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final String tenant = Api.newTenant();

    @Test
    void writesSucceedDuringAnOutageAndEveryEventArrivesOnceInOrderAfterwards() throws Exception {
        try (EventTap tap = EventTap.bind(EventTypes.LEAD_CREATED)) {
            proxy.cut();
            List<String> leads = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                leads.add(createLead());
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(pending()).isEqualTo(leads.size());
                assertThat(failedAttempts()).isPositive();
            });

            proxy.restore();
            List<Event> events = tap.until(e -> tenant.equals(e.header("tid")),
                    e -> e.body().contains(leads.get(leads.size() - 1)), Duration.ofSeconds(30));
            assertThat(events.stream().map(this::leadOf).toList()).containsExactlyElementsOf(leads);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pending()).isZero());
        }
    }

    @Test
    void aBrokerThatStopsConfirmingLosesNothingAndRepeatsOnlyUnconfirmedEventsWithTheirIds() throws Exception {
        try (EventTap tap = EventTap.bind(EventTypes.LEAD_CREATED)) {
            proxy.swallowReplies(true);
            List<String> leads = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                leads.add(createLead());
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(failedAttempts()).isPositive());
            assertThat(pending()).isEqualTo(leads.size());

            proxy.cut();
            proxy.restore();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pending()).isZero());
            String marker = createLead();
            List<Event> events = tap.until(e -> tenant.equals(e.header("tid")), e -> e.body().contains(marker),
                    Duration.ofSeconds(30));
            Set<String> delivered = new HashSet<>(events.stream().map(this::leadOf).toList());
            assertThat(delivered).containsAll(leads);
            // an event the broker may have routed before its confirm was lost comes again with the same id,
            // so an idempotent consumer (inbox of event ids) sees it once
            Map<String, Set<String>> idsPerLead = new java.util.HashMap<>();
            events.forEach(e -> idsPerLead.computeIfAbsent(leadOf(e), k -> new HashSet<>()).add(e.header("ce-id")));
            assertThat(idsPerLead.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        }
    }

    private String leadOf(Event event) {
        return io.restassured.path.json.JsonPath.from(event.body()).getString("leadId");
    }

    private String createLead() {
        return as(tenant).body(Map.of("email", "outage-" + UUID.randomUUID() + "@events.example"))
                .post("/v1/crm/leads").then().statusCode(201).extract().path("id");
    }

    private long pending() throws SQLException {
        return count("SELECT count(*) FROM crm_messaging.outbox WHERE tid = ? AND published_at IS NULL");
    }

    private long failedAttempts() throws SQLException {
        return count("SELECT coalesce(sum(attempts), 0) FROM crm_messaging.outbox WHERE tid = ? AND last_error IS NOT NULL");
    }

    private long count(String sql) throws SQLException {
        try (Connection db = Database.connect("vettify_owner"); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, tenant);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
