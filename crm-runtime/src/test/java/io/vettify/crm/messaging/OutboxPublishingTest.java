package io.vettify.crm.messaging;

import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Api.asWarehouse;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Database;
import io.vettify.crm.testing.EventTap;
import io.vettify.crm.testing.EventTap.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Events leave through the outbox to the real RabbitMQ, as CloudEvents, once each. */
@QuarkusTest
class OutboxPublishingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    OutboxRelay relay;

    private final String tenant = Api.newTenant();

    @Test
    void creatingALeadPublishesExactlyOneLeadCreatedWithCloudEventsHeaders() throws Exception {
        try (EventTap tap = EventTap.bind(EventTypes.LEAD_CREATED)) {
            String correlation = "test-" + UUID.randomUUID();
            Response created = asWarehouse(tenant, "cluj").header("X-Correlation-Id", correlation)
                    .body(Map.of("email", "ana@events.example", "company", "Events SRL", "whid", "cluj"))
                    .post("/v1/crm/leads");
            created.then().statusCode(201).header("X-Correlation-Id", correlation);
            String leadId = created.path("id");
            String marker = createLead(tenant);

            List<Event> events = tap.until(this::ofTenant, e -> e.body().contains(marker), WAIT);
            List<Event> forLead = events.stream().filter(e -> e.body().contains(leadId)).toList();
            assertThat(forLead).hasSize(1);
            Event event = forLead.get(0);
            assertThat(event.routingKey()).isEqualTo("crm.lead.created");
            assertThat(event.properties().getMessageId()).isEqualTo(event.header("ce-id"));
            assertThat(event.properties().getContentType()).isEqualTo("application/json");
            assertThat(event.header("ce-specversion")).isEqualTo("1.0");
            assertThat(event.header("ce-type")).isEqualTo("crm.lead.created");
            assertThat(event.header("ce-source")).isEqualTo("vettify/" + tenant);
            assertThat(Instant.parse(event.header("ce-time"))).isBefore(Instant.now());
            assertThat(event.header("x-corr-id")).isEqualTo(correlation);
            assertThat(event.header("tid")).isEqualTo(tenant);
            assertThat(event.header("whid")).isEqualTo("cluj");
            assertThat(event.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
            JsonPath body = JsonPath.from(event.body());
            assertThat(body.getString("leadId")).isEqualTo(leadId);
            assertThat(body.getString("company")).isEqualTo("Events SRL");
            assertThat(body.getString("status")).isEqualTo("NEW");
        }
    }

    @Test
    void aRequestWithoutCorrelationIdGetsOneGeneratedAndEchoed() throws Exception {
        try (EventTap tap = EventTap.bind(EventTypes.LEAD_CREATED)) {
            Response created = as(tenant).body(Map.of("email", "gen@events.example")).post("/v1/crm/leads");
            String correlation = created.then().statusCode(201).extract().header("X-Correlation-Id");
            assertThat(correlation).isNotBlank();
            String leadId = created.path("id");
            Event event = tap.until(this::ofTenant, e -> e.body().contains(leadId), WAIT).get(0);
            assertThat(event.header("x-corr-id")).isEqualTo(correlation);
            assertThat(event.header("whid")).isNull();
        }
    }

    @Test
    void aRolledBackChangeRecordsNoEvent() throws SQLException {
        as(tenant).body(Map.of("email", "not-an-email")).post("/v1/crm/leads").then().statusCode(422);
        String lead = createLead(tenant);
        as(tenant).post("/v1/crm/leads/" + lead + "/convert").then().statusCode(409);
        assertThat(outboxTypes(tenant)).containsExactly(EventTypes.LEAD_CREATED);
    }

    @Test
    void convertingAndChangingStagesPublishTheirEvents() throws Exception {
        try (EventTap tap = EventTap.bind("crm.#")) {
            String lead = createLead(tenant);
            as(tenant).post("/v1/crm/leads/" + lead + "/qualify").then().statusCode(200);
            String opportunity = as(tenant).post("/v1/crm/leads/" + lead + "/convert").then().statusCode(200)
                    .extract().path("opportunityId");
            as(tenant).body(Map.of("stage", "CLOSED_WON")).post("/v1/crm/opportunities/" + opportunity + "/stage")
                    .then().statusCode(200);
            List<Event> events = tap.until(this::ofTenant,
                    e -> e.routingKey().equals(EventTypes.OPPORTUNITY_STAGE_CHANGED), WAIT);
            assertThat(events).extracting(Event::routingKey).containsExactly(EventTypes.LEAD_CREATED,
                    EventTypes.LEAD_CONVERTED, EventTypes.OPPORTUNITY_STAGE_CHANGED);
            assertThat(JsonPath.from(events.get(1).body()).getString("opportunityId")).isEqualTo(opportunity);
            JsonPath stageChanged = JsonPath.from(events.get(2).body());
            assertThat(stageChanged.getString("fromStage")).isEqualTo("QUALIFICATION");
            assertThat(stageChanged.getString("toStage")).isEqualTo("CLOSED_WON");
        }
    }

    @Test
    void twoRelaysAtOnceStillPublishEachEventOnceInOrder() throws Exception {
        try (EventTap tap = EventTap.bind(EventTypes.LEAD_CREATED)) {
            List<String> leads = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                leads.add(createLead(tenant));
            }
            ExecutorService relays = Executors.newFixedThreadPool(2);
            try {
                List<CompletableFuture<Integer>> runs = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    runs.add(CompletableFuture.supplyAsync(() -> {
                        int published = 0;
                        for (int i = 0; i < 20; i++) {
                            published += relay.publishPending();
                        }
                        return published;
                    }, relays));
                }
                runs.forEach(CompletableFuture::join);
            } finally {
                relays.shutdownNow();
            }
            String last = leads.get(leads.size() - 1);
            List<Event> events = tap.until(this::ofTenant, e -> e.body().contains(last), WAIT);
            List<String> published = events.stream()
                    .map(e -> leads.stream().filter(id -> e.body().contains(id)).findFirst().orElseThrow()).toList();
            assertThat(published).containsExactlyElementsOf(leads);
            assertThat(new HashSet<>(events.stream().map(e -> e.header("ce-id")).toList())).hasSize(leads.size());
        }
    }

    private boolean ofTenant(Event event) {
        return tenant.equals(event.header("tid"));
    }

    private static String createLead(String tenant) {
        return as(tenant).body(Map.of("email", "lead-" + UUID.randomUUID() + "@events.example"))
                .post("/v1/crm/leads").then().statusCode(201).extract().path("id");
    }

    private static List<String> outboxTypes(String tenant) throws SQLException {
        try (Connection db = Database.connect("vettify_owner");
                PreparedStatement query = db.prepareStatement(
                        "SELECT event_type FROM crm_messaging.outbox WHERE tid = ? ORDER BY seq")) {
            query.setString(1, tenant);
            List<String> types = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
            return types;
        }
    }
}
