package io.vettify.crm.accounts;

import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;
import static io.vettify.crm.testing.Problems.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vettify.crm.messaging.EventTypes;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Cuis;
import io.vettify.crm.testing.Database;
import io.vettify.crm.testing.EventTap;
import io.vettify.crm.testing.EventTap.Event;
import io.vettify.crm.testing.Fixtures;
import io.vettify.crm.testing.LocalServicesResource;
import io.vettify.crm.testing.TenantSql;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** B7: an account's fiscal code is checked locally, then verified by anaf.taxpayer (and reges), cached in Redis. */
@QuarkusTest
class AccountVerificationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MeterRegistry registry;

    private final String tenant = Api.newTenant();

    @Test
    void fiscalCodesAreCheckedLocallyBeforeAnyWorkerIsAsked() {
        for (String invalid : List.of("14399841", "RO18547291", "0123", "RO", "1", "12345678901", "CUI14399840")) {
            assertInvalid(as(tenant).body(obj("name", "Bad " + invalid, "cui", invalid)).post("/v1/crm/accounts"), "cui");
        }
        for (String valid : List.of("RO14399840", "18547290", "ro 90000014", Cuis.withCheckDigit("123456"))) {
            String canonical = valid.toUpperCase().replace("RO", "").replace(" ", "");
            as(tenant).body(obj("name", "Good " + valid, "cui", valid)).post("/v1/crm/accounts")
                    .then().statusCode(201).body("cui", equalTo(canonical));
        }
        assertThat(as(tenant).get("/v1/crm/accounts?count=true").jsonPath().getInt("total")).isEqualTo(4);
    }

    @Test
    void anActiveCompanyIsVerifiedWithItsOfficialDataTimelineAndEvent() throws Exception {
        String cui = freshCui('1');
        try (EventTap tap = EventTap.bind(EventTypes.ACCOUNT_VERIFIED)) {
            JsonPath created = as(tenant).body(obj("name", "Fresh SRL", "cui", "RO" + cui)).post("/v1/crm/accounts")
                    .then().statusCode(201).extract().jsonPath();
            assertThat(created.getString("complianceStatus")).as("the request does not wait").isEqualTo("PENDING");
            String id = created.getString("id");

            JsonPath account = awaitSettled(id);
            assertThat(account.getString("complianceStatus")).isEqualTo("VERIFIED");
            assertThat(account.getString("officialName")).isEqualTo("FIRMA EXEMPLU " + cui + " SRL");
            assertThat(account.getBoolean("vatPayer")).isEqualTo((cui.charAt(cui.length() - 2) - '0') % 2 == 0);
            await().atMost(WAIT).until(() -> as(tenant).get("/v1/crm/accounts/" + id).jsonPath().get("employees") != null);
            assertThat(as(tenant).get("/v1/crm/accounts/" + id + "/timeline").jsonPath().getList("items.kind"))
                    .containsExactly("COMPLIANCE_VERIFIED");
            Event event = tap.until(e -> tenant.equals(e.header("tid")), e -> true, WAIT).get(0);
            JsonPath data = JsonPath.from(event.body());
            assertThat(data.getString("accountId")).isEqualTo(id);
            assertThat(data.getString("complianceStatus")).isEqualTo("VERIFIED");
        }
    }

    @Test
    void anInactiveCompanyBecomesInactiveAndAnUnknownCodeInvalid() {
        String inactive = Fixtures.account(tenant, "Sleeping SRL", freshCui('9'));
        String unknown = Fixtures.account(tenant, "Ghost SRL", freshCui('8'));
        assertThat(awaitSettled(inactive).getString("complianceStatus")).isEqualTo("INACTIVE");
        JsonPath ghost = awaitSettled(unknown);
        assertThat(ghost.getString("complianceStatus")).isEqualTo("INVALID");
        assertThat(ghost.getString("officialName")).isNull();
    }

    @Test
    void theSecondAccountWithTheSameCodeIsVerifiedFromTheCacheWithoutAJob() {
        String cui = freshCui('3');
        String first = Fixtures.account(tenant, "First SRL", cui);
        awaitSettled(first);
        await().atMost(WAIT).until(() -> as(tenant).get("/v1/crm/accounts/" + first).jsonPath().get("employees") != null);
        double hits = cacheCount("hit");
        String other = Api.newTenant();

        JsonPath second = as(other).body(obj("name", "Second SRL", "cui", cui)).post("/v1/crm/accounts")
                .then().statusCode(201).extract().jsonPath();

        assertThat(second.getString("complianceStatus")).isEqualTo("VERIFIED");
        assertThat(second.getString("officialName")).isEqualTo("FIRMA EXEMPLU " + cui + " SRL");
        assertThat(second.getInt("employees")).isPositive();
        assertThat(cacheCount("hit")).isEqualTo(hits + 1);
        assertThat(registry.find("vettify.worker.requests").tag("tid", other).counters()).isEmpty();
    }

    /**
     * A restart is simulated by the state a previous runtime leaves behind: a job it recorded and sent, whose reply
     * arrives now, and a job whose deadline passed while no runtime was up. Nothing about them is in this runtime's
     * memory; both are settled from the database and the durable reply queue alone.
     */
    @Test
    void jobsOfAPreviousRunAreSettledByALateReplyOrByTheirDeadline() throws Exception {
        String cui = freshCui('4');
        String account = Fixtures.account(tenant, "Restart SRL", null);
        TenantSql.update(tenant, "UPDATE crm.accounts SET cui = ?, compliance_status = 'PENDING' WHERE id = ?",
                cui, UUID.fromString(account));
        UUID late = recordSentJob(account, cui, Instant.now().plusSeconds(300));

        reply(late, """
                {"ok":true,"result":{"cui":"%s","found":true,"active":true,"officialName":"RESTARTED SRL",
                "vatPayer":true,"checkedAt":"%s"}}""".formatted(cui, Instant.now()));

        JsonPath verified = awaitSettled(account);
        assertThat(verified.getString("complianceStatus")).isEqualTo("VERIFIED");
        assertThat(verified.getString("officialName")).isEqualTo("RESTARTED SRL");
        assertThat(as(tenant).get("/v1/crm/jobs/" + late).jsonPath().getString("status")).isEqualTo("DONE");

        String overdueAccount = Fixtures.account(tenant, "Overdue SRL", null);
        String overdueCui = freshCui('5');
        TenantSql.update(tenant, "UPDATE crm.accounts SET cui = ?, compliance_status = 'PENDING' WHERE id = ?",
                overdueCui, UUID.fromString(overdueAccount));
        UUID overdue = recordSentJob(overdueAccount, overdueCui, Instant.now().minusSeconds(1));
        await().atMost(WAIT).until(() -> "TIMED_OUT".equals(
                as(tenant).get("/v1/crm/jobs/" + overdue).jsonPath().getString("status")));
        assertThat(awaitSettled(overdueAccount).getString("complianceStatus")).isEqualTo("UNVERIFIED");
    }

    private JsonPath awaitSettled(String account) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> as(tenant).get("/v1/crm/accounts/" + account).jsonPath(),
                        a -> !"PENDING".equals(a.getString("complianceStatus")));
    }

    private double cacheCount(String result) {
        Counter counter = registry.find("vettify.anaf.cache").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A valid fiscal code of 8 digits starting with {@code first}, not used before (so not cached). */
    private static String freshCui(char first) {
        return Cuis.withCheckDigit(first + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)));
    }

    /** The rows a previous runtime wrote when it submitted and sent an anaf.taxpayer job. */
    private UUID recordSentJob(String account, String cui, Instant deadline) throws Exception {
        UUID job = UUID.randomUUID();
        String request = "{\"cui\":\"" + cui + "\"}";
        TenantSql.update(tenant, """
                INSERT INTO crm.worker_jobs (id, worker, status, subject_type, subject_id, attempts, deadline, request,
                  created_at, updated_at)
                VALUES (?, 'anaf.taxpayer', 'PENDING', 'account', ?, 1, ?, CAST(? AS jsonb), now(), now())""",
                job, UUID.fromString(account), java.sql.Timestamp.from(deadline), request);
        try (Connection connection = Database.connect("vettify_app");
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO crm_messaging.worker_dispatch (job_id, tid, worker, request, correlation_id, attempts,
                          deadline, next_send_at, sent_at, created_at)
                        VALUES (?, ?, 'anaf.taxpayer', CAST(? AS jsonb), 'test-restart', 1, ?, ?, now(), now())""")) {
            insert.setObject(1, job);
            insert.setString(2, tenant);
            insert.setString(3, request);
            insert.setTimestamp(4, java.sql.Timestamp.from(deadline));
            insert.setTimestamp(5, java.sql.Timestamp.from(deadline));
            insert.executeUpdate();
        }
        return job;
    }

    /** Answers a job as a worker of the fleet does: to the runtime's reply queue, correlation_id = job id. */
    private static void reply(UUID job, String body) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(LocalServicesResource.amqpPort());
        try (com.rabbitmq.client.Connection connection = factory.newConnection("test-late-worker");
                Channel channel = connection.createChannel()) {
            channel.basicPublish("", "vettify.crm.worker-replies", new AMQP.BasicProperties.Builder()
                    .correlationId(job.toString()).contentType("application/json").deliveryMode(2).build(),
                    body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
