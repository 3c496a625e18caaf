package io.vettify.crm.messaging;

import static io.vettify.crm.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.BrokerClient;
import io.vettify.crm.testing.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A consumer retries a failing handler a bounded number of times, then dead-letters the message. The failures are
 * real database errors, injected with a trigger that fires only for this test's tenant.
 */
@QuarkusTest
class ConsumerRetryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String tenant = Api.newTenant();
    private final String fault = "fail_orders_" + tenant.replace('-', '_');
    private final BrokerClient broker = new BrokerClient();

    @Test
    void aTransientFailureIsRetriedAndTheOrderIsLinked() throws SQLException {
        String opportunity = createOpportunity();
        failOrderInserts(2);
        String orderId = UUID.randomUUID().toString();
        broker.publish(EventTypes.SALES_ORDER_CREATED, tenant, null, order(orderId, opportunity));
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/v1/crm/opportunities/" + opportunity)
                .then().body("salesOrders.orderId", equalTo(List.of(orderId))));
    }

    @Test
    void aPersistentFailureIsDeadLetteredAfterTheLastAttempt() throws SQLException {
        String opportunity = createOpportunity();
        failOrderInserts(1_000);
        String eventId = broker.publish(EventTypes.SALES_ORDER_CREATED, tenant, null,
                order(UUID.randomUUID().toString(), opportunity));
        await().atMost(WAIT).until(() -> broker.deadLettered("vettify.crm.sales.order.created.dlq", eventId));
        as(tenant).get("/v1/crm/opportunities/" + opportunity).then().body("salesOrders.size()", equalTo(0));
    }

    /** The next {@code failures} inserts of this tenant's sales orders fail. */
    private void failOrderInserts(int failures) throws SQLException {
        try (Connection admin = Database.connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("CREATE SEQUENCE crm." + fault + "_count");
            sql.execute("GRANT USAGE ON SEQUENCE crm." + fault + "_count TO vettify_app");
            sql.execute("CREATE FUNCTION crm." + fault + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF nextval('crm." + fault + "_count') <= " + failures + " THEN "
                    + "RAISE EXCEPTION 'injected transient failure'; END IF; RETURN NEW; END $$");
            sql.execute("CREATE TRIGGER " + fault + " BEFORE INSERT ON crm.sales_orders FOR EACH ROW "
                    + "WHEN (NEW.tid = '" + tenant + "') EXECUTE FUNCTION crm." + fault + "()");
        }
    }

    @AfterEach
    void removeFault() throws Exception {
        broker.close();
        try (Connection admin = Database.connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("DROP TRIGGER IF EXISTS " + fault + " ON crm.sales_orders");
            sql.execute("DROP FUNCTION IF EXISTS crm." + fault + "()");
            sql.execute("DROP SEQUENCE IF EXISTS crm." + fault + "_count");
        }
    }

    private String createOpportunity() {
        String account = as(tenant).body(Map.of("name", "Retry SRL")).post("/v1/crm/accounts").then().statusCode(201)
                .extract().path("id");
        return as(tenant).body(Map.of("name", "Deal", "accountId", account)).post("/v1/crm/opportunities")
                .then().statusCode(201).extract().path("id");
    }

    private static String order(String orderId, String opportunityId) {
        return """
                {"orderId":"%s","orderNumber":"SO-R","opportunityId":"%s","amount":10,"currency":"RON","orderedAt":"%s"}"""
                .formatted(orderId, opportunityId, Instant.now());
    }
}
