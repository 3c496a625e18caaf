package io.vettify.crm.messaging;

import static io.vettify.crm.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.BrokerClient;
import io.vettify.crm.testing.EventTap;
import io.vettify.crm.testing.EventTap.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The consumers of other modules' events, against the real RabbitMQ. */
@QuarkusTest
class InboundEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ORDERS_DLQ = "vettify.crm.sales.order.created.dlq";

    private final String tenant = Api.newTenant();
    private final BrokerClient broker = new BrokerClient();

    @AfterEach
    void close() throws Exception {
        broker.close();
    }

    @Test
    void anOrderIsLinkedToItsOpportunityAndShownOnTheAccountTimeline() {
        String account = createAccount("Orders SRL", null);
        String opportunity = createOpportunity(account);
        String orderId = UUID.randomUUID().toString();
        broker.publish(EventTypes.SALES_ORDER_CREATED, tenant, null, order(orderId, "SO-1001", opportunity, null));

        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/v1/crm/opportunities/" + opportunity)
                .then().statusCode(200).body("salesOrders.orderId", equalTo(List.of(orderId))));
        as(tenant).get("/v1/crm/opportunities/" + opportunity).then()
                .body("salesOrders[0].orderNumber", equalTo("SO-1001"));
        as(tenant).get("/v1/crm/accounts/" + account + "/timeline").then().statusCode(200)
                .body("items.kind", equalTo(List.of("SALES_ORDER_CREATED")))
                .body("items[0].data.orderNumber", equalTo("SO-1001"));
    }

    @Test
    void anOrderWithoutOpportunityIsLinkedToTheAccountWithItsFiscalCodeAndDeliveriesFollow() {
        String account = createAccount("Delivered SRL", "RO14399840");
        // the fiscal code's verification (anaf.taxpayer or its cache) is the account's first timeline entry
        await().atMost(WAIT).untilAsserted(() -> assertThat(timelineKinds(account)).containsExactly("COMPLIANCE_VERIFIED"));
        String orderId = UUID.randomUUID().toString();
        broker.publish(EventTypes.SALES_ORDER_CREATED, tenant, null, order(orderId, "SO-2002", null, "RO14399840"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(timelineKinds(account))
                .containsExactly("SALES_ORDER_CREATED", "COMPLIANCE_VERIFIED"));

        broker.publish(EventTypes.SHIPMENT_DELIVERED, tenant, null, """
                {"shipmentId":"%s","orderId":"%s","deliveredAt":"%s","carrier":"Test Courier"}"""
                .formatted(UUID.randomUUID(), orderId, Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(timelineKinds(account))
                .containsExactly("SHIPMENT_DELIVERED", "SALES_ORDER_CREATED", "COMPLIANCE_VERIFIED"));
    }

    @Test
    void aRedeliveredOrderIsLinkedOnce() {
        String account = createAccount("Twice SRL", null);
        String opportunity = createOpportunity(account);
        String eventId = UUID.randomUUID().toString();
        String body = order(UUID.randomUUID().toString(), "SO-3003", opportunity, null);
        double duplicatesBefore = counter("vettify_consumer_duplicates_total", EventTypes.SALES_ORDER_CREATED);
        broker.publish(EventTypes.SALES_ORDER_CREATED, eventId, tenant, null, body);
        broker.publish(EventTypes.SALES_ORDER_CREATED, eventId, tenant, null, body);

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                counter("vettify_consumer_duplicates_total", EventTypes.SALES_ORDER_CREATED)).isGreaterThan(duplicatesBefore));
        as(tenant).get("/v1/crm/opportunities/" + opportunity).then().body("salesOrders.size()", equalTo(1));
        assertThat(timelineKinds(account)).containsExactly("SALES_ORDER_CREATED");
    }

    @Test
    void aMalformedMessageIsDeadLetteredAtOnceAndTheNextOneIsStillProcessed() {
        String account = createAccount("Next SRL", null);
        String opportunity = createOpportunity(account);
        String notJson = broker.publish(EventTypes.SALES_ORDER_CREATED, tenant, null, "{not json");
        String invalid = broker.publish(EventTypes.SALES_ORDER_CREATED, tenant, null,
                "{\"orderId\":\"x\",\"amount\":-1}");
        String noTenant = broker.publish(EventTypes.SALES_ORDER_CREATED, null, null,
                order(UUID.randomUUID().toString(), "SO-4004", opportunity, null));
        String orderId = UUID.randomUUID().toString();
        broker.publish(EventTypes.SALES_ORDER_CREATED, tenant, null, order(orderId, "SO-4005", opportunity, null));

        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/v1/crm/opportunities/" + opportunity)
                .then().body("salesOrders.orderId", equalTo(List.of(orderId))));
        for (String deadLetter : List.of(notJson, invalid, noTenant)) {
            await().atMost(WAIT).until(() -> broker.deadLettered(ORDERS_DLQ, deadLetter));
        }
    }

    @Test
    void aMessageOfAnotherTenantChangesNothingHere() {
        String account = createAccount("Mine SRL", null);
        String opportunity = createOpportunity(account);
        String other = Api.newTenant();
        String foreign = broker.publish(EventTypes.SALES_ORDER_CREATED, other, null,
                order(UUID.randomUUID().toString(), "SO-5005", opportunity, null));

        await().atMost(WAIT).until(() -> broker.deadLettered(ORDERS_DLQ, foreign));
        as(tenant).get("/v1/crm/opportunities/" + opportunity).then().body("salesOrders.size()", equalTo(0));
        assertThat(timelineKinds(account)).isEmpty();
    }

    @Test
    void aVerifiedFiscalCodeUpdatesTheAccountAndIsPublished() throws Exception {
        String account = createAccount("Verified SRL", "RO18547290");
        // the anaf.taxpayer worker verifies it first (the reference register's answer)
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/v1/crm/accounts/" + account).then()
                .body("complianceStatus", equalTo("VERIFIED")));
        try (EventTap tap = EventTap.bind(EventTypes.ACCOUNT_VERIFIED)) {
            broker.publish(EventTypes.TAXPAYER_VERIFIED, tenant, null, """
                    {"cui":"RO18547290","officialName":"VERIFIED SRL","vatPayer":true,"active":true,"verifiedAt":"%s"}"""
                    .formatted(Instant.now()));
            await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/v1/crm/accounts/" + account).then()
                    .body("complianceStatus", equalTo("VERIFIED")).body("officialName", equalTo("VERIFIED SRL"))
                    .body("vatPayer", equalTo(true)));
            assertThat(timelineKinds(account)).containsExactly("COMPLIANCE_VERIFIED", "COMPLIANCE_VERIFIED");
            Event event = tap.until(e -> tenant.equals(e.header("tid")), e -> true, WAIT).get(0);
            JsonPath data = JsonPath.from(event.body());
            assertThat(data.getString("accountId")).isEqualTo(account);
            assertThat(data.getString("complianceStatus")).isEqualTo("VERIFIED");
            assertThat(event.header("x-corr-id")).startsWith("test-");
        }
    }

    @Test
    void theTimelineJoinsCrmChangesNewestFirstInKeysetPages() {
        String lead = as(tenant).body(Map.of("email", "t@timeline.example", "lastName", "Pop", "company", "Timeline SRL"))
                .post("/v1/crm/leads").then().statusCode(201).extract().path("id");
        as(tenant).post("/v1/crm/leads/" + lead + "/qualify").then().statusCode(200);
        JsonPath converted = as(tenant).post("/v1/crm/leads/" + lead + "/convert").then().statusCode(200).extract().jsonPath();
        String account = converted.getString("accountId");
        String opportunity = converted.getString("opportunityId");
        as(tenant).body(Map.of("stage", "PROPOSAL")).post("/v1/crm/opportunities/" + opportunity + "/stage").then().statusCode(200);
        as(tenant).body(Map.of("stage", "CLOSED_WON")).post("/v1/crm/opportunities/" + opportunity + "/stage").then().statusCode(200);

        assertThat(timelineKinds(account)).containsExactly("OPPORTUNITY_STAGE_CHANGED", "OPPORTUNITY_STAGE_CHANGED",
                "LEAD_CONVERTED");
        JsonPath first = as(tenant).get("/v1/crm/accounts/" + account + "/timeline?limit=2").then().extract().jsonPath();
        assertThat(first.getList("items")).hasSize(2);
        String cursor = first.getString("nextCursor");
        as(tenant).get("/v1/crm/accounts/" + account + "/timeline?limit=2&cursor=" + cursor).then()
                .body("items.kind", equalTo(List.of("LEAD_CONVERTED"))).body("nextCursor", equalTo(null));
        Api.as(Api.newTenant()).get("/v1/crm/accounts/" + account + "/timeline").then().statusCode(404);
    }

    private List<String> timelineKinds(String account) {
        return as(tenant).get("/v1/crm/accounts/" + account + "/timeline").then().statusCode(200)
                .extract().path("items.kind");
    }

    private String createAccount(String name, String cui) {
        Map<String, Object> body = cui == null ? Map.of("name", name) : Map.of("name", name, "cui", cui);
        return as(tenant).body(body).post("/v1/crm/accounts").then().statusCode(201).extract().path("id");
    }

    private String createOpportunity(String account) {
        return as(tenant).body(Map.of("name", "Deal", "accountId", account)).post("/v1/crm/opportunities")
                .then().statusCode(201).extract().path("id");
    }

    private static String order(String orderId, String number, String opportunityId, String accountCui) {
        return """
                {"orderId":"%s","orderNumber":"%s",%s"amount":1250.50,"currency":"RON","orderedAt":"%s"}"""
                .formatted(orderId, number, opportunityId != null ? "\"opportunityId\":\"" + opportunityId + "\","
                        : "\"accountCui\":\"" + accountCui + "\",", Instant.now());
    }

    private static double counter(String name, String type) {
        String metrics = io.restassured.RestAssured.get("/q/metrics").asString();
        return metrics.lines().filter(line -> line.startsWith(name + "{") && line.contains("type=\"" + type + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
