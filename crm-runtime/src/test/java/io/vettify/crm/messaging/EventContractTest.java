package io.vettify.crm.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vettify.crm.accounts.ComplianceStatus;
import io.vettify.crm.gdpr.GdprEvents;
import io.vettify.crm.leads.LeadEvents;
import io.vettify.crm.leads.LeadSource;
import io.vettify.crm.leads.LeadStatus;
import io.vettify.crm.messaging.EventNameScanner.Kind;
import io.vettify.crm.messaging.EventNameScanner.Usage;
import io.vettify.crm.opportunities.OpportunityService;
import io.vettify.crm.opportunities.Stage;
import io.vettify.crm.testing.EventContracts;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The event contracts agree with each other and with the code (PRODUCT.md §6): every name the code publishes or
 * consumes is a three-segment {@code <module>.<ctx>.<event>} name of {@link EventTypes}, has a JSON Schema and a
 * channel in docs/events/asyncapi.yaml, and nothing is documented that the runtime does not know; the schemas'
 * examples are valid and invalid data is rejected.
 */
class EventContractTest {

    private static final String EVENT_NAME = "^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$";
    private static final String SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final String PAYLOAD_PREFIX = "../../crm-runtime/src/main/resources/events/schemas/";
    private static final String EXCHANGE = "vettify.events";
    private static final String DEAD_LETTER_EXCHANGE = "vettify.events.dlx";
    /** The worker fleet's request/reply exchanges: another protocol than events (docs/workers.md). */
    private static final Set<String> WORKER_EXCHANGES = Set.of("vettify.workers", "vettify.workers.replies");
    /** Keywords meaning the same in draft 2020-12 and in draft-07 (AsyncAPI 2.x's default schema format). */
    private static final Set<String> PORTABLE_KEYWORDS = Set.of("$schema", "$id", "title", "description", "type",
            "required", "properties", "additionalProperties", "examples", "enum", "const", "format", "pattern",
            "minimum", "maximum", "minLength", "maxLength", "anyOf");

    private static final EventSchemas SCHEMAS = new EventSchemas();
    private static final JsonNode ASYNCAPI = EventContracts.asyncApi();

    static List<String> events() {
        return Stream.concat(EventTypes.PUBLISHED.stream(), EventTypes.CONSUMED.stream()).toList();
    }

    // ------------------------------------------------------------------------------------------------ names

    @Test
    void everyEventNameHasThreeLowerCaseSegments() {
        assertThat(events()).isNotEmpty().allSatisfy(name -> assertThat(name).matches(EVENT_NAME));
        assertThat(new HashSet<>(events())).as("no event both published and consumed, none twice")
                .hasSameSizeAs(events());
    }

    @Test
    void everyConstantOfEventTypesIsListedAsPublishedOrConsumed() throws IllegalAccessException {
        List<String> constants = new ArrayList<>();
        for (Field field : EventTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        assertThat(constants).containsExactlyInAnyOrderElementsOf(events());
    }

    @Test
    void everyEventNameInTheProductionCodeIsKnownAndDocumented() throws IOException {
        EventNameScanner.Result scan = scanProductionCode();
        assertThat(scan.problems()).as("event types the scan cannot check").isEmpty();
        assertThat(contractViolations(scan.usages())).isEmpty();
        assertThat(scan.usages()).as("the scan finds the events the services record")
                .extracting(Usage::kind, Usage::name)
                .contains(tuple(Kind.RECORDED, EventTypes.LEAD_CREATED), tuple(Kind.RECORDED, EventTypes.LEAD_CONVERTED),
                        tuple(Kind.RECORDED, EventTypes.OPPORTUNITY_STAGE_CHANGED));
    }

    @Test
    void theScanFindsEventNamesThatAreWrongUnknownOrUncheckable() {
        String service = """
                package io.vettify.crm.orders;
                import io.vettify.crm.messaging.DomainEvents;
                import io.vettify.crm.messaging.EventTypes;
                class OrderService {
                    private final DomainEvents events;
                    private final Timeline timeline;
                    void a() { events.record(EventTypes.LEAD_CREATED, "lead", id, null, data); }
                    void b() { events.record("crm.order.cancelled", "order", id, null, data); }
                    void c() { events.record(type, "order", id, null, data); }
                    void d() { events.record(EventTypes.NO_SUCH_EVENT, "order", id, null, data); }
                    void e() { timeline.record(entry, "crm.timeline.entry"); }
                    // a comment naming "crm.comment.ignored" is no usage
                    String sql = \"""
                        SELECT 'crm.text.block' FROM crm_messaging.outbox\""";
                    String f = "crm.Lead.Created";
                    String g = "crm.lead.created.v2";
                    String metric = "vettify.outbox.backlog";
                    String queue = "vettify.crm.sales.order.cancelled";
                    OrderService(@ConfigProperty(name = "vettify.events.exchange") String exchange,
                            @ConfigProperty(name = "crm.orders.batch-size") int size) { }
                    void m() { registry.counter("vettify.events.dead_lettered", "type", type).increment();
                        Gauge.builder("crm.orders.backlog", x, y); }
                }
                """;
        String consumer = """
                package io.vettify.crm.messaging;
                class Consumers {
                    @Incoming("sales.order.created") void ok(Object m) { }
                    @Incoming(value = "sales.order.cancelled") void unknown(Object m) { }
                    @Incoming("orders-in") void alias(Object m) { }
                    String dlx = "vettify.events.dead";
                }
                """;
        String properties = """
                mp.messaging.incoming.orders-in.routing-keys=sales.order.created,sales.order.updated
                %test.mp.messaging.incoming.orders-in.queue.name=vettify.crm.sales.order.created
                mp.messaging.incoming.orders-in.dead-letter-exchange=vettify.events.dlx
                mp.messaging.incoming.x.routing-keys=${ROUTING}
                """;
        EventNameScanner.Result scan = new EventNameScanner()
                .java("src/main/java/io/vettify/crm/orders/OrderService.java", service)
                .java("src/main/java/io/vettify/crm/messaging/Consumers.java", consumer)
                .properties("application.properties", properties)
                .result();

        assertThat(scan.problems()).hasSize(2);
        assertThat(scan.problems()).anySatisfy(p -> assertThat(p).contains("OrderService.java:9").contains("type"));
        assertThat(scan.problems()).anySatisfy(p -> assertThat(p).contains("NO_SUCH_EVENT"));
        assertThat(scan.usages()).extracting(Usage::name).doesNotContain("crm.comment.ignored", "crm.text.block",
                "vettify.outbox.backlog", "orders-in", "vettify.events.exchange", "crm.orders.batch-size",
                "vettify.events.dead_lettered", "crm.orders.backlog");
        assertThat(scan.usages()).filteredOn(u -> u.kind() == Kind.RECORDED).extracting(Usage::name)
                .containsExactlyInAnyOrder("crm.lead.created", "crm.order.cancelled");
        assertThat(contractViolations(scan.usages())).containsExactlyInAnyOrder(
                "src/main/java/io/vettify/crm/orders/OrderService.java:8: RECORDED crm.order.cancelled"
                        + " is not a published event of EventTypes",
                "src/main/java/io/vettify/crm/orders/OrderService.java:8: RECORDED crm.order.cancelled"
                        + " has no channel in asyncapi.yaml",
                "src/main/java/io/vettify/crm/orders/OrderService.java:11: LITERAL crm.timeline.entry"
                        + " is not an event of EventTypes",
                "src/main/java/io/vettify/crm/orders/OrderService.java:11: LITERAL crm.timeline.entry"
                        + " has no channel in asyncapi.yaml",
                "src/main/java/io/vettify/crm/orders/OrderService.java:15: LITERAL crm.Lead.Created"
                        + " is not a <module>.<ctx>.<event> name",
                "src/main/java/io/vettify/crm/orders/OrderService.java:16: LITERAL crm.lead.created.v2"
                        + " is not a <module>.<ctx>.<event> name",
                "src/main/java/io/vettify/crm/orders/OrderService.java:18: QUEUE vettify.crm.sales.order.cancelled"
                        + " is not the queue of a consumed event documented in asyncapi.yaml",
                "src/main/java/io/vettify/crm/messaging/Consumers.java:4: INCOMING sales.order.cancelled"
                        + " is not a consumed event of EventTypes",
                "src/main/java/io/vettify/crm/messaging/Consumers.java:4: INCOMING sales.order.cancelled"
                        + " has no channel in asyncapi.yaml",
                "src/main/java/io/vettify/crm/messaging/Consumers.java:6: EXCHANGE vettify.events.dead"
                        + " is neither vettify.events nor the documented dead-letter exchange",
                "application.properties:1: INCOMING sales.order.updated is not a consumed event of EventTypes",
                "application.properties:1: INCOMING sales.order.updated has no channel in asyncapi.yaml");
    }

    // ------------------------------------------------------------------------------------------------ schemas

    @Test
    void everyEventHasASchemaAndEverySchemaIsAnEvent() throws IOException {
        Path directory = EventContracts.repositoryRoot().resolve(EventContracts.SCHEMAS);
        Set<String> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(events().stream().map(e -> e + ".json").toList());
        assertThat(SCHEMAS.eventTypes()).containsExactlyInAnyOrderElementsOf(events());
    }

    @ParameterizedTest
    @MethodSource("events")
    void everySchemaIsAClosedDocumentedObject(String event) {
        JsonNode schema = EventContracts.schema(event);
        assertThat(schema.path("$schema").asText()).isEqualTo(SCHEMA_DIALECT);
        assertThat(schema.path("$id").asText()).startsWith("https://").endsWith("/events/" + event + ".json");
        assertThat(schema.path("title").asText()).isEqualTo(event);
        assertThat(schema.path("description").asText()).hasSizeGreaterThan(20);
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
        assertThat(schema.path("additionalProperties").booleanValue()).isFalse();
        Set<String> properties = names(schema.path("properties"));
        assertThat(properties).isNotEmpty();
        assertThat(texts(schema.path("required"))).isNotEmpty().isSubsetOf(properties);
        schema.path("properties").properties().forEach(property -> assertThat(property.getValue()
                .path("description").asText()).as(event + " " + property.getKey() + " description").isNotBlank());
        assertThat(schema.path("examples").isArray()).isTrue();
        assertThat(schema.path("examples").size()).isGreaterThanOrEqualTo(2);
        assertThat(keywords(schema)).as("keywords that keep the schema portable to draft-07")
                .isSubsetOf(PORTABLE_KEYWORDS);
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyExampleIsValid(String event) {
        for (JsonNode example : EventContracts.schema(event).path("examples")) {
            assertThat(SCHEMAS.violations(event, example.toString())).as(event + " example " + example).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("events")
    void examplesUseNoRealAddresses(String event) {
        String examples = EventContracts.schema(event).path("examples").toString();
        for (String email : examples.split("[\"\\s]")) {
            if (email.contains("@")) {
                assertThat(email).endsWith(".example");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("events")
    void dataMissingARequiredFieldIsRejected(String event) {
        JsonNode schema = EventContracts.schema(event);
        for (String required : texts(schema.path("required"))) {
            ObjectNode data = firstExample(schema);
            data.remove(required);
            assertThat(SCHEMAS.violations(event, data.toString())).as(event + " without " + required)
                    .anySatisfy(v -> assertThat(v).contains(required));
        }
    }

    @ParameterizedTest
    @MethodSource("events")
    void dataWithAnExtraPropertyIsRejected(String event) {
        ObjectNode data = firstExample(EventContracts.schema(event));
        data.put("unexpected", "x");
        assertThat(SCHEMAS.violations(event, data.toString())).singleElement().asString().contains("unexpected");
    }

    @ParameterizedTest
    @MethodSource("events")
    void badUuidsEnumsAndTimestampsAreRejected(String event) {
        JsonNode schema = EventContracts.schema(event);
        int checked = 0;
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String name = property.getKey();
            JsonNode definition = property.getValue();
            String bad = definition.has("enum") ? "NOT_A_VALUE"
                    : "uuid".equals(definition.path("format").asText()) ? "not-a-uuid"
                    : "date-time".equals(definition.path("format").asText()) ? "2026-02-30T10:00:00Z"
                    : definition.has("pattern") ? "!" : null;
            if (bad == null) {
                continue;
            }
            ObjectNode data = firstExample(schema);
            data.put(name, bad);
            assertThat(SCHEMAS.violations(event, data.toString())).as(event + "." + name + " = " + bad)
                    .singleElement().asString().contains(name);
            checked++;
        }
        assertThat(checked).isPositive();
    }

    @Test
    void handMadeInvalidDocumentsAreRejected() {
        String stageChanged = """
                {"opportunityId":"9a6f3c1e-4d8b-4f2a-b7c5-1e0d8a4f6b27","accountId":"0c8e5f7a-2b1d-4e6c-9f3a-7d4b2e1c8a05",
                 "fromStage":"QUALIFICATION","toStage":"WON","amount":-5,"currency":"eur","changedAt":"2026-03-09T10:30:00Z"}""";
        assertThat(SCHEMAS.violations(EventTypes.OPPORTUNITY_STAGE_CHANGED, stageChanged)).hasSize(3)
                .anySatisfy(v -> assertThat(v).startsWith("$.toStage"))
                .anySatisfy(v -> assertThat(v).startsWith("$.amount"))
                .anySatisfy(v -> assertThat(v).startsWith("$.currency"));

        String converted = """
                {"leadId":"3f1c2a9e-8b4d-4c51-9a7e-2d6f0b1e5c43","accountId":"0c8e5f7a-2b1d-4e6c-9f3a",
                 "contactId":"5d2b9e4f-7c3a-4b8d-a1e6-0f9c3d7b2e16","convertedAt":"2026-03-05T14:02:11Z"}""";
        assertThat(SCHEMAS.violations(EventTypes.LEAD_CONVERTED, converted)).hasSize(2)
                .anySatisfy(v -> assertThat(v).startsWith("$.accountId").contains("uuid"))
                .anySatisfy(v -> assertThat(v).contains("opportunityId"));

        String delivered = """
                {"shipmentId":"a9c3e7f1-5d2b-4b8a-9e6c-0f4d2a8c1e83","orderId":"c4a8e2f6-0b9d-4e1a-8c7f-3d5b1e9a2c61",
                 "deliveredAt":"2026-03-14T15:42:00Z","signedBy":"someone"}""";
        assertThat(SCHEMAS.violations(EventTypes.SHIPMENT_DELIVERED, delivered)).singleElement().asString()
                .contains("signedBy");

        String taxpayer = """
                {"cui":"RO0123","vatPayer":"yes","active":true,"verifiedAt":"2026-03-02T08:19:58Z"}""";
        assertThat(SCHEMAS.violations(EventTypes.TAXPAYER_VERIFIED, taxpayer)).hasSize(2)
                .anySatisfy(v -> assertThat(v).startsWith("$.cui"))
                .anySatisfy(v -> assertThat(v).startsWith("$.vatPayer"));

        String verified = """
                {"accountId":"0c8e5f7a-2b1d-4e6c-9f3a-7d4b2e1c8a05","cui":"RO12345674","complianceStatus":"PENDING",
                 "officialName":null,"vatPayer":null,"verifiedAt":"2026-03-02T08:20:00Z"}""";
        assertThat(SCHEMAS.violations(EventTypes.ACCOUNT_VERIFIED, verified)).hasSize(2)
                .anySatisfy(v -> assertThat(v).startsWith("$.cui"))
                .anySatisfy(v -> assertThat(v).startsWith("$.complianceStatus"));

        String order = """
                {"orderId":"c4a8e2f6-0b9d-4e1a-8c7f-3d5b1e9a2c61","orderNumber":"","amount":10,"currency":"RON",
                 "orderedAt":"2026-03-12T09:14:00Z"}""";
        assertThat(SCHEMAS.violations(EventTypes.SALES_ORDER_CREATED, order))
                .anySatisfy(v -> assertThat(v).startsWith("$.orderNumber"))
                .anySatisfy(v -> assertThat(v).contains("opportunityId"))
                .anySatisfy(v -> assertThat(v).contains("accountCui"));
    }

    // ------------------------------------------------------------------------------------------------ schemas = code

    @Test
    void publishedSchemasDescribeTheRecordsTheRuntimeSerializes() {
        assertRecordMatchesSchema(EventTypes.LEAD_CREATED, LeadEvents.Created.class);
        assertRecordMatchesSchema(EventTypes.LEAD_CONVERTED, LeadEvents.Converted.class);
        assertRecordMatchesSchema(EventTypes.OPPORTUNITY_STAGE_CHANGED, OpportunityService.StageChanged.class);
        assertRecordMatchesSchema(EventTypes.GDPR_EXPORTED, GdprEvents.Exported.class);
        assertRecordMatchesSchema(EventTypes.GDPR_ERASED, GdprEvents.Erased.class);
    }

    @Test
    void schemaEnumsAreTheJavaEnums() {
        assertThat(enumOf(EventTypes.LEAD_CREATED, "source")).containsExactlyElementsOf(names(LeadSource.values()));
        assertThat(enumOf(EventTypes.LEAD_CREATED, "status")).containsExactlyElementsOf(names(LeadStatus.values()));
        assertThat(enumOf(EventTypes.OPPORTUNITY_STAGE_CHANGED, "fromStage"))
                .containsExactlyElementsOf(names(Stage.values()));
        assertThat(enumOf(EventTypes.OPPORTUNITY_STAGE_CHANGED, "toStage"))
                .containsExactlyElementsOf(names(Stage.values()));
        assertThat(enumOf(EventTypes.ACCOUNT_VERIFIED, "complianceStatus"))
                .containsExactly("VERIFIED", "INACTIVE", "INVALID")
                .isSubsetOf(names(ComplianceStatus.values()));
    }

    // ------------------------------------------------------------------------------------------------ AsyncAPI

    @Test
    void theAsyncApiDocumentListsExactlyTheEventsOfEventTypes() {
        assertThat(ASYNCAPI.path("asyncapi").asText()).isEqualTo("2.6.0");
        assertThat(names(ASYNCAPI.path("channels"))).containsExactlyInAnyOrderElementsOf(events());
        assertThat(names(ASYNCAPI.path("components").path("messages")))
                .containsExactlyInAnyOrderElementsOf(events());
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyChannelIsTheEventOnTheEventsExchange(String event) {
        JsonNode channel = ASYNCAPI.path("channels").path(event);
        JsonNode binding = resolve(channel.path("bindings")).path("amqp");
        assertThat(binding.path("is").asText()).isEqualTo("routingKey");
        assertThat(binding.path("exchange").path("name").asText()).isEqualTo(EXCHANGE).isEqualTo(configuredExchange());
        assertThat(binding.path("exchange").path("type").asText()).isEqualTo("topic");

        boolean published = EventTypes.PUBLISHED.contains(event);
        // AsyncAPI 2: "subscribe" = the application sends, "publish" = the application receives.
        String operationName = published ? "subscribe" : "publish";
        assertThat(channel.has(published ? "publish" : "subscribe")).isFalse();
        JsonNode operation = channel.path(operationName);
        assertThat(operation.path("operationId").asText()).isEqualTo(event);

        JsonNode message = resolve(operation.path("message"));
        assertThat(message.path("name").asText()).isEqualTo(event);
        assertThat(message.path("contentType").asText()).isEqualTo("application/json");
        assertThat(resolve(message.path("bindings")).path("amqp").path("messageType").asText()).isEqualTo(event);
        String payload = message.path("payload").path("$ref").asText();
        assertThat(payload).isEqualTo(PAYLOAD_PREFIX + event + ".json");
        Path payloadFile = EventContracts.asyncApiPath().getParent().resolve(payload).normalize();
        assertThat(payloadFile).isEqualTo(EventContracts.schemaPath(event).normalize()).isRegularFile();

        JsonNode headers = resolve(message.path("headers"));
        assertThat(headers.path("type").asText()).isEqualTo("object");
        Set<String> required = texts(headers.path("required"));
        if (published) {
            assertThat(required).containsExactlyInAnyOrder("ce-specversion", "ce-id", "ce-type", "ce-source",
                    "ce-time", "x-corr-id", "tid", "traceparent");
            assertThat(names(headers.path("properties"))).isEqualTo(union(required, Set.of("whid")));
            assertThat(channel.has("x-vettify-consumer")).isFalse();
        } else {
            assertThat(required).contains("ce-id", "tid");
            JsonNode consumer = channel.path("x-vettify-consumer");
            assertThat(consumer.path("queue").asText()).isEqualTo("vettify.crm." + event);
            assertThat(consumer.path("deadLetterExchange").asText()).isEqualTo(DEAD_LETTER_EXCHANGE);
            assertThat(consumer.path("deadLetterQueue").asText()).isEqualTo("vettify.crm." + event + ".dlq");
        }
    }

    @Test
    void theDeadLetterExchangeIsDocumented() {
        assertThat(ASYNCAPI.path("x-vettify-dead-letter").path("exchange").asText()).isEqualTo(DEAD_LETTER_EXCHANGE);
        assertThat(ASYNCAPI.path("info").path("description").asText()).contains(DEAD_LETTER_EXCHANGE)
                .contains("vettify.crm.<event-name>").contains("vettify.crm.<event-name>.dlq");
    }

    @Test
    void everyReferenceOfTheAsyncApiDocumentResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(ASYNCAPI, refs);
        assertThat(refs).hasSizeGreaterThan(events().size() * 3);
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertThat(EventContracts.resolveLocal(ASYNCAPI, ref).isMissingNode()).as(ref).isFalse();
            } else {
                assertThat(EventContracts.asyncApiPath().getParent().resolve(ref).normalize()).as(ref)
                        .isRegularFile();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static EventNameScanner.Result scanProductionCode() throws IOException {
        Path root = EventContracts.repositoryRoot();
        EventNameScanner scanner = new EventNameScanner();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(root.resolve(EventContracts.MAIN_SOURCES))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(sources).as("production sources").hasSizeGreaterThan(10);
        for (Path source : sources) {
            scanner.java(root.relativize(source).toString(), Files.readString(source, StandardCharsets.UTF_8));
        }
        try (Stream<Path> walk = Files.walk(root.resolve(EventContracts.MAIN_RESOURCES))) {
            for (Path properties : walk.filter(p -> p.getFileName().toString().matches("application.*\\.properties"))
                    .toList()) {
                scanner.properties(root.relativize(properties).toString(), Files.readString(properties));
            }
        }
        return scanner.result();
    }

    /** What is wrong with the names the code uses, one line each. */
    private static List<String> contractViolations(List<Usage> usages) {
        Set<String> channels = names(ASYNCAPI.path("channels"));
        Set<String> documentedQueues = new HashSet<>();
        ASYNCAPI.path("channels").forEach(channel -> {
            JsonNode consumer = channel.path("x-vettify-consumer");
            documentedQueues.add(consumer.path("queue").asText());
            documentedQueues.add(consumer.path("deadLetterQueue").asText());
        });
        String deadLetterExchange = ASYNCAPI.path("x-vettify-dead-letter").path("exchange").asText();
        List<String> violations = new ArrayList<>();
        for (Usage usage : usages) {
            String at = usage.where() + ": " + usage.kind() + " " + usage.name();
            switch (usage.kind()) {
                case QUEUE -> {
                    if (!documentedQueues.contains(usage.name())) {
                        violations.add(at + " is not the queue of a consumed event documented in asyncapi.yaml");
                    }
                }
                case EXCHANGE -> {
                    if (!usage.name().equals(EXCHANGE) && !usage.name().equals(deadLetterExchange)
                            && !WORKER_EXCHANGES.contains(usage.name())) {
                        violations.add(at + " is neither " + EXCHANGE + " nor the documented dead-letter exchange");
                    }
                }
                default -> {
                    if (!usage.name().matches(EVENT_NAME)) {
                        violations.add(at + " is not a <module>.<ctx>.<event> name");
                        continue;
                    }
                    List<String> known = switch (usage.kind()) {
                        case RECORDED, OUTGOING -> EventTypes.PUBLISHED;
                        case INCOMING -> EventTypes.CONSUMED;
                        default -> events();
                    };
                    String role = switch (usage.kind()) {
                        case RECORDED, OUTGOING -> "a published event";
                        case INCOMING -> "a consumed event";
                        default -> "an event";
                    };
                    if (!known.contains(usage.name())) {
                        violations.add(at + " is not " + role + " of EventTypes");
                    }
                    if (!channels.contains(usage.name())) {
                        violations.add(at + " has no channel in asyncapi.yaml");
                    }
                }
            }
        }
        return violations;
    }

    private static String configuredExchange() {
        Properties properties = new Properties();
        try (var in = EventContractTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties.getProperty("vettify.events.exchange");
    }

    private static void assertRecordMatchesSchema(String event, Class<? extends Record> type) {
        JsonNode properties = EventContracts.schema(event).path("properties");
        List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(names(properties)).as(event + " properties = " + type.getName() + " components")
                .containsExactlyInAnyOrderElementsOf(components);
        assertThat(texts(EventContracts.schema(event).path("required")))
                .as("the runtime serializes every component, null included").containsExactlyInAnyOrderElementsOf(components);
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode definition = properties.path(component.getName());
            Class<?> javaType = component.getType();
            String where = event + "." + component.getName();
            if (javaType == UUID.class) {
                assertThat(definition.path("format").asText()).as(where).isEqualTo("uuid");
            } else if (javaType == Instant.class) {
                assertThat(definition.path("format").asText()).as(where).isEqualTo("date-time");
            } else if (javaType.isEnum()) {
                assertThat(texts(definition.path("enum"))).as(where).isNotEmpty();
            } else if (javaType == int.class || javaType == long.class) {
                assertThat(definition.path("type").asText()).as(where).isEqualTo("integer");
            } else if (javaType == BigDecimal.class) {
                assertThat(definition.path("type").asText()).as(where).isEqualTo("number");
            } else if (javaType == String.class) {
                assertThat(definition.path("type").toString()).as(where).contains("\"string\"");
            } else {
                throw new AssertionError(where + ": no schema mapping for " + javaType);
            }
        }
    }

    private static List<String> enumOf(String event, String property) {
        List<String> values = new ArrayList<>();
        EventContracts.schema(event).path("properties").path(property).path("enum")
                .forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static ObjectNode firstExample(JsonNode schema) {
        return (ObjectNode) schema.path("examples").get(0).deepCopy();
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? EventContracts.resolveLocal(ASYNCAPI, node.path("$ref").asText()) : node;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new LinkedHashSet<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }

    /** Every keyword used in a schema, outside the property names of "properties" and the "examples". */
    private static Set<String> keywords(JsonNode schema) {
        Set<String> keywords = new HashSet<>();
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            keywords.add(field.getKey());
            switch (field.getKey()) {
                case "properties" -> field.getValue().forEach(p -> keywords.addAll(keywords(p)));
                case "anyOf" -> field.getValue().forEach(p -> keywords.addAll(keywords(p)));
                default -> {
                }
            }
        }
        return keywords;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
