package io.vettify.crm.workers;

import static io.vettify.crm.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vettify.crm.tenancy.TenantScope;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.LocalServicesResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The worker client against the real broker and the reference workers: round trips and every way a job can end. */
@QuarkusTest
class WorkerClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TenantScope tenantScope;

    @Inject
    WorkerClient client;

    @Inject
    MeterRegistry registry;

    private final String tenant = Api.newTenant();

    @Test
    void everyWorkerAnswersThroughTheBroker() throws Exception {
        UUID anaf = submit(Workers.ANAF_TAXPAYER, "{\"cui\":\"14399840\"}");
        UUID reges = submit(Workers.REGES, "{\"cui\":\"18547290\"}");
        UUID summary = submit(Workers.AI_SUMMARY, """
                {"subjectType":"lead","maxSentences":1,"notes":[{"text":"We met at the fair. Ana wants forty licences."},
                {"text":"The licences must be ready in June."}]}""");
        UUID churn = submit(Workers.AI_CHURN, """
                {"accountId":"%s","features":{"closedLost":3,"closedWon":0,"orders":0,"activities":3,
                "daysSinceLastActivity":0}}""".formatted(UUID.randomUUID()));
        UUID email = submit(Workers.EMAIL_SEND, """
                {"campaignId":"%s","batch":1,"subject":"Offer","bodyHtml":"<p>Hi</p>",
                "recipients":[{"email":"ana@example.com"},{"email":"bounce@example.com"}]}""".formatted(UUID.randomUUID()));
        UUID pdf = submit(Workers.PDF_RENDER, """
                {"title":"Report","sections":[{"heading":"Metrics","table":{"columns":["m","v"],"rows":[["sent",2]]}}]}""");

        JsonPath job = Jobs.settled(tenant, anaf);
        assertThat(job.getString("status")).isEqualTo("DONE");
        assertThat(job.getString("worker")).isEqualTo("anaf.taxpayer");
        assertThat(job.getInt("attempts")).isEqualTo(1);
        assertThat(job.getString("result.officialName")).isEqualTo("CARPATI TRANSPORT EXEMPLU SRL");
        assertThat(Jobs.settled(tenant, reges).getInt("result.employees")).isEqualTo(35);
        JsonPath summarized = Jobs.settled(tenant, summary);
        assertThat(summarized.getString("result.method")).isEqualTo("extractive-tf");
        assertThat(summarized.getString("result.summary")).contains("licences");
        assertThat(Jobs.settled(tenant, churn).getString("result.bucket")).isEqualTo("HIGH");
        assertThat(Jobs.settled(tenant, email).getList("result.results.status")).containsExactly("SENT", "BOUNCED");
        byte[] rendered = Base64.getDecoder().decode(Jobs.settled(tenant, pdf).getString("result.pdfBase64"));
        assertThat(new String(rendered, 0, 5)).isEqualTo("%PDF-");

        assertThat(registry.get("vettify.worker.requests").tag("worker", "anaf.taxpayer").tag("tid", tenant)
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("vettify.worker.latency").tag("worker", "pdf.render").tag("tid", tenant)
                .timer().count()).isEqualTo(1);
    }

    @Test
    void aJobWithoutAReplyBeforeItsDeadlineTimesOut() throws Exception {
        UUID id = submit(Workers.AI_SUMMARY, summaryOf("simulate:slow=4000"), Duration.ofSeconds(2));
        JsonPath job = Jobs.settled(tenant, id);
        assertThat(job.getString("status")).isEqualTo("TIMED_OUT");
        assertThat(job.getString("error")).contains("no reply").contains("deadline");
        assertThat(registry.get("vettify.worker.failures").tag("worker", "ai.summary").tag("tid", tenant)
                .tag("outcome", "timed_out").counter().count()).isEqualTo(1);
    }

    @Test
    void aRetryableErrorIsRetriedWithBackoffUntilTheWorkerAnswers() throws Exception {
        UUID id = submit(Workers.AI_SUMMARY, summaryOf("simulate:fail-attempts=2 Then it worked."));
        JsonPath job = Jobs.settled(tenant, id);
        assertThat(job.getString("status")).isEqualTo("DONE");
        assertThat(job.getInt("attempts")).isEqualTo(3);
        assertThat(job.getString("error")).isNull();
        assertThat(registry.get("vettify.worker.retries").tag("worker", "ai.summary").tag("tid", tenant)
                .counter().count()).isEqualTo(2);
    }

    @Test
    void aGarbageReplyFailsThatJobOnly() throws Exception {
        UUID garbage = submit(Workers.AI_SUMMARY, summaryOf("simulate:garbage"));
        UUID invalid = submit(Workers.AI_SUMMARY, summaryOf("simulate:invalid-result"));
        UUID fine = submit(Workers.AI_SUMMARY, summaryOf("A perfectly ordinary note."));

        JsonPath notJson = Jobs.settled(tenant, garbage);
        assertThat(notJson.getString("status")).isEqualTo("FAILED");
        assertThat(notJson.getString("error")).contains("invalid reply").contains("not a JSON object");
        JsonPath schemaInvalid = Jobs.settled(tenant, invalid);
        assertThat(schemaInvalid.getString("status")).isEqualTo("FAILED");
        assertThat(schemaInvalid.getString("error")).contains("invalid reply");
        assertThat(Jobs.settled(tenant, fine).getString("status")).isEqualTo("DONE");
    }

    @Test
    void repeatedFailuresOpenTheWorkersCircuitSoJobsFailAtOnceWithoutBeingSent() throws Exception {
        for (int i = 0; i < 5; i++) {
            UUID refused = submit(Workers.AI_SUMMARY, summaryOf("simulate:refuse"));
            JsonPath job = Jobs.settled(tenant, refused);
            assertThat(job.getString("status")).isEqualTo("FAILED");
            assertThat(job.getString("error")).contains("worker error refused");
        }
        long received = LocalServicesResource.referenceWorkers().received(Workers.AI_SUMMARY);

        UUID blocked = submit(Workers.AI_SUMMARY, summaryOf("A note while the circuit is open."));
        JsonPath job = Jobs.settled(tenant, blocked);
        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("error")).contains("circuit open");
        assertThat(job.getInt("attempts")).isZero();
        assertThat(LocalServicesResource.referenceWorkers().received(Workers.AI_SUMMARY)).isEqualTo(received);

        // after open-for (2 s in tests) a request is let through again, and its success closes the circuit
        await().atMost(Jobs.WAIT).until(() -> {
            UUID probe = submit(Workers.AI_SUMMARY, summaryOf("A note after the pause."));
            return Jobs.settled(tenant, probe).getString("status").equals("DONE");
        });
    }

    @Test
    void anotherTenantsJobIsNotFound() throws Exception {
        UUID id = submit(Workers.REGES, "{\"cui\":\"18547290\"}");
        Jobs.settled(tenant, id);
        as(Api.newTenant()).get("/v1/crm/jobs/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as(tenant).get("/v1/crm/jobs/" + UUID.randomUUID()).then().statusCode(404);
    }

    private UUID submit(String worker, String request) throws Exception {
        return submit(worker, request, null);
    }

    private UUID submit(String worker, String request, Duration timeout) throws Exception {
        JsonNode body = JSON.readTree(request);
        AtomicReference<UUID> id = new AtomicReference<>();
        tenantScope.inTransaction(tenant, null, () -> id.set(timeout == null
                ? client.submit(worker, "test", null, body)
                : client.submit(worker, "test", null, body, timeout)));
        return id.get();
    }

    private static String summaryOf(String text) {
        return JSON.createObjectNode().put("subjectType", "lead")
                .set("notes", JSON.createArrayNode().add(JSON.createObjectNode().put("text", text))).toString();
    }
}
