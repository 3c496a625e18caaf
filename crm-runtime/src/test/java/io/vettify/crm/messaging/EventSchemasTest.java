package io.vettify.crm.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema registry itself: loading, fail-fast, violations as text, formats asserted. */
class EventSchemasTest {

    private static final EventSchemas SCHEMAS = new EventSchemas();

    private static final String LEAD_CREATED = """
            {"leadId":"3f1c2a9e-8b4d-4c51-9a7e-2d6f0b1e5c43","source":"WEB","status":"NEW","score":10,
             "company":null,"cui":null,"createdAt":"2026-03-02T08:15:30.123456Z"}""";

    @Test
    void loadsTheSchemaOfEveryPublishedAndConsumedEvent() {
        assertThat(SCHEMAS.eventTypes()).containsExactlyInAnyOrderElementsOf(
                concat(EventTypes.PUBLISHED, EventTypes.CONSUMED));
    }

    @Test
    void aMissingSchemaStopsTheStart() {
        assertThatThrownBy(() -> new EventSchemas(List.of(EventTypes.LEAD_CREATED, "crm.nothing.here")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("crm.nothing.here")
                .hasMessageContaining("events/schemas/crm.nothing.here.json")
                .hasMessageNotContaining(EventTypes.LEAD_CREATED + ":");
    }

    @Test
    void validDataHasNoViolation() {
        assertThat(SCHEMAS.violations(EventTypes.LEAD_CREATED, LEAD_CREATED)).isEmpty();
    }

    @Test
    void anUnknownEventTypeIsAnIllegalArgument() {
        assertThatThrownBy(() -> SCHEMAS.violations("crm.lead.deleted", LEAD_CREATED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crm.lead.deleted");
    }

    @Test
    void malformedJsonIsAViolationNotAnException() {
        assertThat(SCHEMAS.violations(EventTypes.LEAD_CREATED, "{\"leadId\": ")).singleElement().asString()
                .contains("malformed JSON");
        assertThat(SCHEMAS.violations(EventTypes.LEAD_CREATED, "")).singleElement().asString()
                .contains("no JSON document");
        assertThat(SCHEMAS.violations(EventTypes.LEAD_CREATED, null)).hasSize(1);
        assertThat(SCHEMAS.violations(EventTypes.LEAD_CREATED, LEAD_CREATED + " {}")).singleElement().asString()
                .contains("malformed JSON");
        assertThat(SCHEMAS.violations(EventTypes.LEAD_CREATED,
                LEAD_CREATED.replace("\"score\":10", "\"score\":10,\"score\":11"))).singleElement().asString()
                .contains("malformed JSON").contains("score");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRejected() {
        assertThat(SCHEMAS.violations(EventTypes.LEAD_CREATED, "[]")).isNotEmpty();
        assertThat(SCHEMAS.violations(EventTypes.LEAD_CREATED, "null")).isNotEmpty();
        assertThat(SCHEMAS.violations(EventTypes.LEAD_CREATED, "\"crm.lead.created\"")).isNotEmpty();
    }

    @Test
    void violationsAreReadableAndNameTheField() {
        List<String> violations = SCHEMAS.violations(EventTypes.LEAD_CREATED,
                LEAD_CREATED.replace("\"score\":10", "\"score\":101").replace("\"WEB\"", "\"FAX\""));
        assertThat(violations).hasSize(2);
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("score").contains("100"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("source").contains("WEB"));
    }

    @Test
    void uuidAndDateTimeFormatsAreAsserted() {
        assertThat(SCHEMAS.violations(EventTypes.LEAD_CREATED,
                LEAD_CREATED.replace("3f1c2a9e-8b4d-4c51-9a7e-2d6f0b1e5c43", "lead-42")))
                .singleElement().asString().contains("leadId").contains("uuid");
        assertThat(SCHEMAS.violations(EventTypes.LEAD_CREATED,
                LEAD_CREATED.replace("2026-03-02T08:15:30.123456Z", "2026-13-02T08:15:30Z")))
                .singleElement().asString().contains("createdAt").contains("date-time");
        assertThat(SCHEMAS.violations(EventTypes.LEAD_CREATED,
                LEAD_CREATED.replace("2026-03-02T08:15:30.123456Z", "yesterday at noon, Z")))
                .anySatisfy(v -> assertThat(v).contains("createdAt").contains("date-time"));
        String order = """
                {"orderId":"c4a8e2f6-0b9d-4e1a-8c7f-3d5b1e9a2c61","orderNumber":"SO-1","accountCui":"RO12345674",
                 "amount":10,"currency":"RON","orderedAt":"%s"}""";
        assertThat(SCHEMAS.violations(EventTypes.SALES_ORDER_CREATED, order.formatted("2026-03-12T09:14:00+02:00")))
                .isEmpty();
        assertThat(SCHEMAS.violations(EventTypes.SALES_ORDER_CREATED, order.formatted("2026-03-12 09:14")))
                .singleElement().asString().contains("orderedAt");
    }

    @Test
    void publishedTimestampsAreUtc() {
        assertThat(SCHEMAS.violations(EventTypes.LEAD_CREATED,
                LEAD_CREATED.replace("2026-03-02T08:15:30.123456Z", "2026-03-02T10:15:30+02:00")))
                .singleElement().asString().contains("createdAt");
    }

    @Test
    void anOrderNeedsAnOpportunityOrAFiscalCode() {
        String order = """
                {"orderId":"c4a8e2f6-0b9d-4e1a-8c7f-3d5b1e9a2c61","orderNumber":"SO-1",%s
                 "amount":10,"currency":"RON","orderedAt":"2026-03-12T09:14:00Z"}""";
        assertThat(SCHEMAS.violations(EventTypes.SALES_ORDER_CREATED, order.formatted(""))).isNotEmpty();
        assertThat(SCHEMAS.violations(EventTypes.SALES_ORDER_CREATED,
                order.formatted("\"opportunityId\":\"9a6f3c1e-4d8b-4f2a-b7c5-1e0d8a4f6b27\","))).isEmpty();
        assertThat(SCHEMAS.violations(EventTypes.SALES_ORDER_CREATED,
                order.formatted("\"accountCui\":\"12345674\","))).isEmpty();
        assertThat(SCHEMAS.violations(EventTypes.SALES_ORDER_CREATED,
                order.formatted("\"accountCui\":\"RO0123\","))).isNotEmpty();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
