package io.vettify.crm.messaging;

import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Api.asWarehouse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Cuis;
import io.vettify.crm.testing.EventContracts;
import io.vettify.crm.testing.EventTap;
import io.vettify.crm.testing.EventTap.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the runtime really puts on the broker matches the contracts: the API drives a lead through creation,
 * qualification, conversion and stage changes; every message the test's own queue receives has a body valid
 * against its JSON Schema and headers valid against the AsyncAPI document's PublishedEventHeaders.
 * ({@code crm.account.verified} comes from the compliance consumer and is not covered here.)
 */
@QuarkusTest
class PublishedEventsMatchSchemasTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EventSchemas schemas;

    private final String tenant = Api.newTenant();

    @Test
    void everyEventOfALeadsLifeMatchesItsSchemaAndCarriesEveryHeader() {
        JsonSchema headersSchema = publishedHeadersSchema();
        String correlation = "contract-" + UUID.randomUUID();
        String traceparent = "00-" + hex(32) + "-" + hex(16) + "-01";
        try (EventTap tap = EventTap.bind("crm.#")) {
            // A tenant-wide lead (no whid header), created with its company and fiscal code...
            String plainLead = as(tenant).header("X-Correlation-Id", correlation)
                    .body(Map.of("email", "plain@contracts.example", "source", "IMPORT")).post("/v1/crm/leads")
                    .then().statusCode(201).extract().path("id");
            // ... and a warehouse lead that goes all the way: qualified, converted, its opportunity moved.
            Response created = asWarehouse(tenant, "cluj").header("X-Correlation-Id", correlation)
                    .header("traceparent", traceparent)
                    .body(Map.of("email", "ana@contracts.example", "company", "Contracte Exemplu SRL",
                            "cui", Cuis.CARPATI, "source", "REFERRAL", "whid", "cluj"))
                    .post("/v1/crm/leads");
            created.then().statusCode(201);
            String lead = created.path("id");
            asWarehouse(tenant, "cluj").post("/v1/crm/leads/" + lead + "/qualify").then().statusCode(200);
            String opportunity = asWarehouse(tenant, "cluj").header("X-Correlation-Id", correlation)
                    .body(Map.of("amount", 1234.5, "currency", "EUR"))
                    .post("/v1/crm/leads/" + lead + "/convert").then().statusCode(200).extract().path("opportunityId");
            for (String stage : List.of("PROPOSAL", "CLOSED_WON", "NEGOTIATION")) {
                asWarehouse(tenant, "cluj").header("X-Correlation-Id", correlation).body(Map.of("stage", stage))
                        .post("/v1/crm/opportunities/" + opportunity + "/stage").then().statusCode(200);
            }

            List<Event> events = tap.until(this::ofTenant,
                    e -> e.routingKey().equals(EventTypes.OPPORTUNITY_STAGE_CHANGED)
                            && "NEGOTIATION".equals(JsonPath.from(e.body()).getString("toStage")), WAIT);

            // the converted account's fiscal code is verified too: crm.account.verified comes at once when the register's
            // answer is cached, later (maybe after this tap stops) when a worker is asked — checked below when present
            assertThat(events).filteredOn(e -> !e.routingKey().equals(EventTypes.ACCOUNT_VERIFIED))
                    .extracting(Event::routingKey).containsExactlyInAnyOrder(
                    EventTypes.LEAD_CREATED, EventTypes.LEAD_CREATED, EventTypes.LEAD_CONVERTED,
                    EventTypes.OPPORTUNITY_STAGE_CHANGED, EventTypes.OPPORTUNITY_STAGE_CHANGED,
                    EventTypes.OPPORTUNITY_STAGE_CHANGED);
            for (Event event : events) {
                String what = event.routingKey() + " " + event.body();
                assertThat(EventTypes.PUBLISHED).as(what).contains(event.routingKey());
                assertThat(schemas.violations(event.routingKey(), event.body())).as(what).isEmpty();
                assertThat(headersSchema.validate(headers(event))).as(what + " headers " + event.properties()
                        .getHeaders()).isEmpty();
                assertThat(event.header("ce-specversion")).isEqualTo("1.0");
                assertThat(event.header("ce-type")).as(what).isEqualTo(event.routingKey());
                assertThat(event.header("ce-id")).as(what).isEqualTo(event.properties().getMessageId());
                assertThat(event.header("ce-source")).as(what).isEqualTo("vettify/" + tenant);
                assertThat(Instant.parse(event.header("ce-time"))).as(what).isBefore(Instant.now());
                assertThat(event.header("tid")).as(what).isEqualTo(tenant);
                assertThat(event.header("x-corr-id")).as(what).isNotBlank();
                assertThat(event.header("traceparent")).as(what).isNotBlank();
                assertThat(event.properties().getContentType()).as(what).isEqualTo("application/json");
            }
            assertThat(events.stream().map(e -> e.header("ce-id")).collect(Collectors.toSet()))
                    .as("one event id per event").hasSize(events.size());

            Event plain = single(events, EventTypes.LEAD_CREATED, plainLead);
            assertThat(plain.header("whid")).isNull();
            assertThat(plain.header("x-corr-id")).isEqualTo(correlation);
            assertThat(JsonPath.from(plain.body()).getString("source")).isEqualTo("IMPORT");
            assertThat(JsonPath.from(plain.body()).getString("company")).isNull();

            Event leadCreated = single(events, EventTypes.LEAD_CREATED, lead);
            assertThat(leadCreated.header("whid")).isEqualTo("cluj");
            assertThat(leadCreated.header("traceparent")).isEqualTo(traceparent);
            assertThat(JsonPath.from(leadCreated.body()).getString("cui")).isEqualTo(Cuis.CARPATI);

            Event converted = single(events, EventTypes.LEAD_CONVERTED, lead);
            assertThat(converted.header("whid")).isEqualTo("cluj");
            assertThat(converted.header("x-corr-id")).isEqualTo(correlation);
            assertThat(JsonPath.from(converted.body()).getString("opportunityId")).isEqualTo(opportunity);

            List<Event> stageChanges = events.stream()
                    .filter(e -> e.routingKey().equals(EventTypes.OPPORTUNITY_STAGE_CHANGED)).toList();
            assertThat(stageChanges).extracting(e -> JsonPath.from(e.body()).getString("fromStage") + ">"
                    + JsonPath.from(e.body()).getString("toStage"))
                    .containsExactly("QUALIFICATION>PROPOSAL", "PROPOSAL>CLOSED_WON", "CLOSED_WON>NEGOTIATION");
            assertThat(stageChanges).allSatisfy(e -> {
                assertThat(e.header("whid")).isEqualTo("cluj");
                assertThat(JsonPath.from(e.body()).getDouble("amount")).isEqualTo(1234.5);
                assertThat(JsonPath.from(e.body()).getString("currency")).isEqualTo("EUR");
            });
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theHeadersSchemaRejectsAnIncompleteEnvelope() {
        JsonSchema headersSchema = publishedHeadersSchema();
        ObjectNode headers = JsonNodeFactory.instance.objectNode()
                .put("ce-specversion", "1.0").put("ce-id", UUID.randomUUID().toString())
                .put("ce-type", "crm.lead.created").put("ce-source", "vettify/" + tenant)
                .put("ce-time", "2026-03-02T08:15:30.123456Z").put("x-corr-id", "abc").put("tid", tenant)
                .put("traceparent", "00-" + hex(32) + "-" + hex(16) + "-01");
        assertThat(headersSchema.validate(headers)).isEmpty();
        Set<ValidationMessage> missing = headersSchema.validate(headers.deepCopy().without("x-corr-id"));
        assertThat(missing).singleElement().asString().contains("x-corr-id");
        assertThat(headersSchema.validate(headers.deepCopy().put("ce-id", "42"))).singleElement().asString()
                .contains("ce-id");
        assertThat(headersSchema.validate(headers.deepCopy().put("ce-source", "vettify/OTHER"))).isNotEmpty();
        assertThat(headersSchema.validate(headers.deepCopy().put("whid", "Cluj!"))).isNotEmpty();
    }

    private boolean ofTenant(Event event) {
        return tenant.equals(event.header("tid"));
    }

    private static Event single(List<Event> events, String type, String id) {
        List<Event> matching = events.stream().filter(e -> e.routingKey().equals(type) && e.body().contains(id))
                .toList();
        assertThat(matching).as(type + " of " + id).hasSize(1);
        return matching.get(0);
    }

    /** The AsyncAPI document's PublishedEventHeaders schema, with formats asserted. */
    private static JsonSchema publishedHeadersSchema() {
        JsonNode schema = EventContracts.resolveLocal(EventContracts.asyncApi(),
                "#/components/schemas/PublishedEventHeaders");
        assertThat(schema.isObject()).isTrue();
        // AsyncAPI 2's schema format is a superset of draft-07; this one uses only draft-07 keywords.
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(schema, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    private static JsonNode headers(Event event) {
        ObjectNode headers = JsonNodeFactory.instance.objectNode();
        event.properties().getHeaders().forEach((name, value) -> {
            if (value instanceof Number number) {
                headers.put(name, number.longValue());
            } else if (value instanceof Boolean bool) {
                headers.put(name, bool);
            } else {
                headers.put(name, String.valueOf(value));
            }
        });
        return headers;
    }

    private static String hex(int length) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < length) {
            hex.append(UUID.randomUUID().toString().replace("-", ""));
        }
        return hex.substring(0, length);
    }
}
