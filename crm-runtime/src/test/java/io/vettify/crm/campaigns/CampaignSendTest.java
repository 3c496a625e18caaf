package io.vettify.crm.campaigns;

import static io.vettify.crm.campaigns.CampaignSends.MARKETING;
import static io.vettify.crm.campaigns.CampaignSends.awaitStatus;
import static io.vettify.crm.campaigns.CampaignSends.batches;
import static io.vettify.crm.campaigns.CampaignSends.campaign;
import static io.vettify.crm.campaigns.CampaignSends.contact;
import static io.vettify.crm.campaigns.CampaignSends.emailJobs;
import static io.vettify.crm.campaigns.CampaignSends.lead;
import static io.vettify.crm.campaigns.CampaignSends.recipients;
import static io.vettify.crm.campaigns.CampaignSends.send;
import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;
import static io.vettify.crm.testing.Problems.assertInvalid;
import static io.vettify.crm.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vettify.crm.messaging.EventSchemas;
import io.vettify.crm.messaging.EventTypes;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.EventTap;
import io.vettify.crm.testing.EventTap.Event;
import io.vettify.crm.testing.TenantSql;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Campaign send end to end: the API, the database, the real broker and the reference email.send worker (flag
 * campaign_send_v2 off, the default).
 */
@QuarkusTest
class CampaignSendTest {

    private static final String CAMPAIGNS = "/v1/crm/campaigns/";
    private static final Map<String, Object> WEB_LEADS_AND_CONTACTS = obj("sources", List.of("WEB"),
            "includeContacts", true);

    @Inject
    EventSchemas schemas;

    private final String tenant = Api.newTenant();

    @Test
    void sendsOnlyToPeopleWithMarketingConsentOncePerAddress() {
        String ana = lead(tenant, "Ana", "ana@consent.example", "WEB", true);
        lead(tenant, "Bob", "bob@consent.example", "WEB", false);
        lead(tenant, "Carl", "carl@consent.example", "EVENT", true);
        String bounce = lead(tenant, "Gigi", "bounce-gigi@consent.example", "WEB", true);
        String dana = contact(tenant, "Dana", "dana@consent.example", true);
        contact(tenant, "Eve", "eve@consent.example", false);
        String anaContact = contact(tenant, "Ana", "ANA@consent.example", true);
        String campaign = campaign(tenant, "Consent", "<p>Hello</p>", WEB_LEADS_AND_CONTACTS);

        as(tenant, MARKETING).body(obj("confirm", true)).post(CAMPAIGNS + campaign + "/send")
                .then().statusCode(202)
                .body("id", equalTo(campaign))
                .body("status", equalTo("SENDING"))
                .body("metrics.recipients", equalTo(3));

        List<Map<String, Object>> recipients = recipients(tenant, campaign);
        assertThat(recipients).extracting(r -> r.get("email"))
                .containsExactly("ana@consent.example", "bounce-gigi@consent.example", "dana@consent.example");
        assertThat(recipients.get(0)).containsEntry("lead_id", java.util.UUID.fromString(ana))
                .containsEntry("contact_id", java.util.UUID.fromString(anaContact));
        assertThat(recipients.get(1)).containsEntry("lead_id", java.util.UUID.fromString(bounce));
        assertThat(recipients.get(2)).containsEntry("contact_id", java.util.UUID.fromString(dana))
                .containsEntry("lead_id", null);
        assertThat(emailJobs(tenant)).singleElement().satisfies(job -> assertThat((String) job.get("request"))
                .doesNotContain("bob@", "carl@", "eve@").contains("ana@consent.example", "dana@consent.example"));

        awaitStatus(tenant, campaign, "SENT");
        as(tenant, MARKETING).get(CAMPAIGNS + campaign + "/metrics").then().statusCode(200)
                .body("recipients", equalTo(3))
                .body("sent", equalTo(3))
                .body("bounced", equalTo(1))
                .body("delivered", equalTo(0));
        assertThat(recipients(tenant, campaign)).extracting(r -> r.get("status"))
                .containsExactly("SENT", "BOUNCED", "SENT");
        assertThat(recipients(tenant, campaign)).filteredOn(r -> "SENT".equals(r.get("status")))
                .allSatisfy(r -> assertThat(r.get("provider_message_id")).isNotNull());
    }

    @Test
    void twoHundredFiftyRecipientsGoOutInThreeBatchesAndTheFinishedSendIsPublished() throws Exception {
        CampaignSends.bulkLeads(tenant, 250, "bulk.example");
        String campaign = campaign(tenant, "Bulk", "<p>Hello {{firstName}}</p>", obj());
        String storedBody = as(tenant, MARKETING).get(CAMPAIGNS + campaign).then().extract().path("bodyHtml");
        try (EventTap tap = EventTap.bind(EventTypes.CAMPAIGN_SENT)) {
            send(tenant, campaign);

            List<Map<String, Object>> batches = batches(tenant, campaign);
            assertThat(batches).extracting(b -> b.get("batch_no"), b -> b.get("size"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 100),
                            org.assertj.core.groups.Tuple.tuple(2, 100), org.assertj.core.groups.Tuple.tuple(3, 50));
            // Flag off: every batch carries the campaign's subject and body as written, not personalised.
            assertThat(batches).allSatisfy(b -> {
                JsonPath request = JsonPath.from((String) b.get("request"));
                assertThat(request.getString("subject")).isEqualTo("Bulk");
                assertThat(request.getString("bodyHtml")).isEqualTo(storedBody).doesNotContain("P1");
                assertThat(request.getList("recipients")).hasSize((Integer) b.get("size"));
            });

            awaitStatus(tenant, campaign, "SENT");
            assertThat(batches(tenant, campaign)).extracting(b -> b.get("status")).containsOnly("DONE");
            as(tenant, MARKETING).get(CAMPAIGNS + campaign + "/metrics").then()
                    .body("recipients", equalTo(250)).body("sent", equalTo(250)).body("bounced", equalTo(0));

            Event sent = tap.until(e -> tenant.equals(e.header("tid")),
                    e -> campaign.equals(JsonPath.from(e.body()).getString("campaignId")), Duration.ofSeconds(30))
                    .get(0);
            assertThat(schemas.violations(EventTypes.CAMPAIGN_SENT, sent.body())).isEmpty();
            JsonPath data = JsonPath.from(sent.body());
            assertThat(data.getString("status")).isEqualTo("SENT");
            assertThat(data.getInt("recipients")).isEqualTo(250);
            assertThat(data.getInt("sent")).isEqualTo(250);
            assertThat(data.getInt("failed")).isZero();
            assertThat(sent.body()).doesNotContain("@bulk.example");
        }
    }

    @Test
    void aBatchTheWorkerRefusesForGoodFailsTheCampaignAndIsPublishedAsFailed() throws Exception {
        lead(tenant, "Ana", "ana@refused.example", "WEB", true);
        lead(tenant, "Ion", "ion@refused.example", "WEB", true);
        // The reference worker answers a permanent error (retryable false) to a request carrying this switch.
        String campaign = campaign(tenant, "Offer simulate:refuse", "<p>Hello</p>", obj());
        try (EventTap tap = EventTap.bind(EventTypes.CAMPAIGN_SENT)) {
            send(tenant, campaign);
            awaitStatus(tenant, campaign, "FAILED");

            assertThat(batches(tenant, campaign)).extracting(b -> b.get("status")).containsExactly("FAILED");
            assertThat(recipients(tenant, campaign)).extracting(r -> r.get("status")).containsOnly("FAILED");
            as(tenant, MARKETING).get(CAMPAIGNS + campaign + "/metrics").then()
                    .body("recipients", equalTo(2)).body("sent", equalTo(0));
            Event failed = tap.until(e -> tenant.equals(e.header("tid")),
                    e -> campaign.equals(JsonPath.from(e.body()).getString("campaignId")), Duration.ofSeconds(30))
                    .get(0);
            assertThat(schemas.violations(EventTypes.CAMPAIGN_SENT, failed.body())).isEmpty();
            assertThat(JsonPath.from(failed.body()).getString("status")).isEqualTo("FAILED");
            assertThat(JsonPath.from(failed.body()).getInt("failed")).isEqualTo(2);
        }
        assertProblem(as(tenant, MARKETING).body(obj("confirm", true)).post(CAMPAIGNS + campaign + "/send"), 409);
    }

    @Test
    void aRetryableWorkerErrorIsRetriedByTheWorkerClientAndARefusedAddressFailsAlone() {
        lead(tenant, "Ana", "ana@retried.example", "WEB", true);
        lead(tenant, "Rita", "reject-rita@retried.example", "WEB", true);
        // The reference worker answers a retryable error to the first attempt of a request carrying this switch.
        String campaign = campaign(tenant, "Offer simulate:fail-attempts=1", "<p>Hello</p>", obj());
        send(tenant, campaign);
        awaitStatus(tenant, campaign, "SENT");

        assertThat(TenantSql.query(tenant, "SELECT attempts FROM crm.worker_jobs WHERE worker = 'email.send'"))
                .singleElement().satisfies(job -> assertThat(job.get("attempts")).isEqualTo(2));
        assertThat(recipients(tenant, campaign)).extracting(r -> r.get("email"), r -> r.get("status"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ana@retried.example", "SENT"),
                        org.assertj.core.groups.Tuple.tuple("reject-rita@retried.example", "FAILED"));
        as(tenant, MARKETING).get(CAMPAIGNS + campaign + "/metrics").then()
                .body("recipients", equalTo(2)).body("sent", equalTo(1)).body("bounced", equalTo(0));
    }

    @Test
    void sendingTwiceSendsOnce() {
        lead(tenant, "Ana", "ana@twice.example", "WEB", true);
        String campaign = campaign(tenant, "Twice", "<p>Hello</p>", obj());
        send(tenant, campaign);

        String detail = assertProblem(as(tenant, MARKETING).body(obj("confirm", true))
                .post(CAMPAIGNS + campaign + "/send"), 409).getString("detail");
        assertThat(detail).containsAnyOf("is SENDING", "is SENT").contains("sent once");
        awaitStatus(tenant, campaign, "SENT");
        assertProblem(as(tenant, MARKETING).body(obj("confirm", true)).post(CAMPAIGNS + campaign + "/send"), 409);

        assertThat(batches(tenant, campaign)).hasSize(1);
        assertThat(emailJobs(tenant)).hasSize(1);
        as(tenant, MARKETING).get(CAMPAIGNS + campaign + "/metrics").then().body("sent", equalTo(1));
    }

    @Test
    void twoConcurrentSendsSendOnce() throws Exception {
        lead(tenant, "Ana", "ana@double-click.example", "WEB", true);
        lead(tenant, "Ion", "ion@double-click.example", "WEB", true);
        String campaign = campaign(tenant, "Double click", "<p>Hello</p>", obj());
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> click = () -> {
            start.await();
            return as(tenant, MARKETING).body(obj("confirm", true)).post(CAMPAIGNS + campaign + "/send").statusCode();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> clicks = new ArrayList<>(List.of(pool.submit(click), pool.submit(click)));
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : clicks) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(202, 409);
        } finally {
            pool.shutdownNow();
        }
        awaitStatus(tenant, campaign, "SENT");
        assertThat(recipients(tenant, campaign)).hasSize(2);
        assertThat(emailJobs(tenant)).hasSize(1);
        as(tenant, MARKETING).get(CAMPAIGNS + campaign + "/metrics").then()
                .body("recipients", equalTo(2)).body("sent", equalTo(2));
    }

    @Test
    void aSendMustBeConfirmedAndLeavesAnUnconfirmedCampaignADraft() {
        lead(tenant, "Ana", "ana@confirm.example", "WEB", true);
        String campaign = campaign(tenant, "Confirm", "<p>Hello</p>", obj());
        assertInvalid(as(tenant, MARKETING).post(CAMPAIGNS + campaign + "/send"), "confirm");
        assertInvalid(as(tenant, MARKETING).body(obj()).post(CAMPAIGNS + campaign + "/send"), "confirm");
        assertInvalid(as(tenant, MARKETING).body(obj("confirm", false)).post(CAMPAIGNS + campaign + "/send"),
                "confirm");
        assertInvalid(as(tenant, MARKETING).body(obj("confirm", true, "force", true))
                .post(CAMPAIGNS + campaign + "/send"), "force");
        as(tenant, MARKETING).get(CAMPAIGNS + campaign).then().body("status", equalTo("DRAFT"));
        assertThat(emailJobs(tenant)).isEmpty();
    }

    @Test
    void anAudienceWithoutConsentingPeopleIsRefusedAndTheCampaignStaysADraft() {
        lead(tenant, "Bob", "bob@no-consent.example", "WEB", false);
        contact(tenant, "Eve", "eve@no-consent.example", false);
        String campaign = campaign(tenant, "Nobody", "<p>Hello</p>", WEB_LEADS_AND_CONTACTS);
        assertInvalid(as(tenant, MARKETING).body(obj("confirm", true)).post(CAMPAIGNS + campaign + "/send"),
                "audience");
        as(tenant, MARKETING).get(CAMPAIGNS + campaign).then().body("status", equalTo("DRAFT"))
                .body("metrics.recipients", equalTo(0));
        assertThat(emailJobs(tenant)).isEmpty();
        assertThat(recipients(tenant, campaign)).isEmpty();
    }

    @Test
    void sendingNeedsTheCampaignsScopeAndACampaignOfTheCallersTenant() {
        lead(tenant, "Ana", "ana@scope.example", "WEB", true);
        String campaign = campaign(tenant, "Scope", "<p>Hello</p>", obj());
        assertProblem(as(tenant, Scopes.READ, Scopes.WRITE).body(obj("confirm", true))
                .post(CAMPAIGNS + campaign + "/send"), 403);
        assertProblem(as(Api.newTenant(), MARKETING).body(obj("confirm", true))
                .post(CAMPAIGNS + campaign + "/send"), 404);
        assertProblem(as(tenant, MARKETING).body(obj("confirm", true))
                .post(CAMPAIGNS + java.util.UUID.randomUUID() + "/send"), 404);
        as(tenant, MARKETING).get(CAMPAIGNS + campaign).then().body("status", equalTo("DRAFT"));
    }
}
