package io.vettify.crm.gdpr;

import static io.restassured.RestAssured.given;
import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;
import static io.vettify.crm.testing.Problems.assertInvalid;
import static io.vettify.crm.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vettify.crm.messaging.EventTypes;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Database;
import io.vettify.crm.testing.EventTap;
import io.vettify.crm.testing.Fixtures;
import io.vettify.crm.testing.ObjectStorageResource;
import io.vettify.crm.testing.TenantSql;
import io.vettify.crm.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * B15: the export holds every row about the person and nothing about anyone else; the erasure leaves no trace of
 * the person in any table or search, touches nobody else, keeps the audit chain valid and is audited and published;
 * consent changes are audited.
 */
@QuarkusTest
class GdprApiTest {

    private static final String GDPR = "/v1/crm/gdpr/persons";
    /** Reserved example domains; .com because the email.send request schema checks the top-level domain. */
    private static final String ANA = "ana.pop@gdpr-test.example.com";
    private static final String BOGDAN = "bogdan.ionescu@gdpr-test.example.com";

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final String tenant = Api.newTenant();

    /** Ana and Bogdan, converted into contacts of the same account; Ana also has a second lead and a worker job. */
    private record World(String anaLead, String anaSecondLead, String anaContact, String anaOpportunity,
            String anaJob, String anaAttachment, String account, String bogdanLead, String bogdanContact,
            String bogdanOpportunity, String bogdanAttachment, String campaign) {
    }

    private World world() {
        String anaLead = convertedLead("Ana", "Pop", ANA);
        JsonPath ana = as(tenant).get("/v1/crm/leads/" + anaLead).jsonPath();
        String anaOpportunity = ana.getString("convertedOpportunityId");
        as(tenant).body(obj("stage", "PROPOSAL")).post("/v1/crm/opportunities/" + anaOpportunity + "/stage")
                .then().statusCode(200);
        String anaSecondLead = Fixtures.lead(tenant, obj("firstName", "Ana", "lastName", "Pop", "email",
                "Ana.Pop@GDPR-test.example.com", "marketingConsent", true, "consentSource", "EVENT"));
        String anaJob = UUID.randomUUID().toString();
        TenantSql.update(tenant, """
                INSERT INTO crm.worker_jobs (id, worker, subject_type, subject_id, deadline, request, created_at, updated_at)
                VALUES (?::uuid, 'ai.summary', 'lead', ?::uuid, now(), '{"notes": "Ana Pop asked for a demo"}', now(), now())""",
                anaJob, anaLead);

        String bogdanLead = convertedLead("Bogdan", "Ionescu", BOGDAN);
        JsonPath bogdan = as(tenant).get("/v1/crm/leads/" + bogdanLead).jsonPath();
        assertThat(bogdan.getString("convertedAccountId")).as("both in one account")
                .isEqualTo(ana.getString("convertedAccountId"));
        String anaContact = ana.getString("convertedContactId");
        String bogdanContact = bogdan.getString("convertedContactId");
        // Both receive a campaign (Ana once, though she is a consenting lead and contact).
        String campaign = as(tenant).body(obj("name", "Oferta de vară", "subject", "Salut", "bodyHtml", "<p>Salut</p>",
                "audience", obj("statuses", List.of("NEW"), "includeContacts", true))).post("/v1/crm/campaigns")
                .then().statusCode(201).extract().path("id");
        as(tenant).body(obj("confirm", true)).post("/v1/crm/campaigns/" + campaign + "/send").then().statusCode(202)
                .body("metrics.recipients", equalTo(2));
        return new World(anaLead, anaSecondLead, anaContact, anaOpportunity, anaJob, attach(anaContact),
                ana.getString("convertedAccountId"), bogdanLead, bogdanContact,
                bogdan.getString("convertedOpportunityId"), attach(bogdanContact), campaign);
    }

    @Test
    void theExportHoldsEveryRowAboutThePersonAndNothingAboutAnyoneElse() {
        World world = world();

        String body = as(tenant).queryParam("email", "ANA.pop@gdpr-test.example.com").get(GDPR + "/export")
                .then().statusCode(200).extract().asString();
        JsonPath export = JsonPath.from(body);

        assertThat(export.getString("email")).isEqualTo(ANA);
        assertThat(export.getList("rows.leads.id")).containsExactlyInAnyOrder(world.anaLead(), world.anaSecondLead());
        assertThat(export.getList("rows.contacts.id")).containsExactly(world.anaContact());
        assertThat(export.getList("rows.opportunities.id")).containsExactly(world.anaOpportunity());
        assertThat(export.getList("rows.accounts")).as("the company's account is not about her").isEmpty();
        assertThat(export.getList("rows.timeline.kind")).containsExactlyInAnyOrder("LEAD_CONVERTED",
                "OPPORTUNITY_STAGE_CHANGED");
        assertThat(export.getList("rows.attachments.id")).containsExactly(world.anaAttachment());
        assertThat(export.getList("rows.campaignRecipients.email", String.class)).singleElement().asString()
                .isEqualToIgnoringCase(ANA);
        assertThat(export.getList("rows.campaignRecipients.campaignId")).containsExactly(world.campaign());
        assertThat(export.getList("rows.workerJobs.id")).as("not the campaign's batch, which lists Bogdan too")
                .containsExactly(world.anaJob());
        assertThat(export.getString("rows.workerJobs[0].request.notes")).isEqualTo("Ana Pop asked for a demo");
        assertThat(export.getList("rows.auditEntries.action")).contains("lead.converted", "consent.changed");

        assertThat(body).doesNotContainIgnoringCase("bogdan").doesNotContainIgnoringCase("ionescu")
                .doesNotContain(world.bogdanLead()).doesNotContain(world.bogdanContact())
                .doesNotContain(world.bogdanOpportunity()).doesNotContain(world.bogdanAttachment());
        assertThat(auditCsv()).contains(",gdpr.exported,person," + export.getString("requestId") + ",");
    }

    @Test
    void theErasureLeavesNoTraceOfThePersonAndTouchesNobodyElse() throws Exception {
        World world = world();
        Map<String, String> bogdanBefore = bogdanRows(world);
        String auditBefore = auditCsv();

        JsonPath erasure;
        try (EventTap tap = EventTap.bind(EventTypes.GDPR_ERASED)) {
            erasure = as(tenant).body(obj("email", "Ana.Pop@GDPR-test.example.com", "confirm", true)).post(GDPR + "/erase")
                    .then().statusCode(200).extract().jsonPath();
            String requestId = erasure.getString("requestId");
            List<EventTap.Event> events = tap.until(e -> tenant.equals(e.header("tid")),
                    e -> e.body().contains(requestId), Duration.ofSeconds(30));
            assertThat(events).singleElement().satisfies(event -> assertThat(JsonPath.from(event.body()).getMap(""))
                    .containsEntry("leads", 2).containsEntry("contacts", 1).containsEntry("rows", 9));
        }
        assertThat(erasure.getMap("")).containsEntry("leads", 2).containsEntry("contacts", 1)
                .containsEntry("opportunities", 1).containsEntry("accounts", 0).containsEntry("timelineEntries", 2)
                .containsEntry("attachments", 1).containsEntry("campaignRecipients", 1).containsEntry("workerJobs", 1);

        for (String collection : List.of("leads", "contacts", "opportunities", "accounts")) {
            for (String q : List.of("Ana", "Pop", "ana.pop", "gdpr-test")) {
                List<String> found = as(tenant).queryParam("q", q).get("/v1/crm/" + collection).then().statusCode(200)
                        .extract().jsonPath().getList("items.id");
                assertThat(found).as("%s?q=%s", collection, q)
                        .doesNotContain(world.anaLead(), world.anaSecondLead(), world.anaContact(), world.anaOpportunity());
            }
        }
        JsonPath lead = as(tenant).get("/v1/crm/leads/" + world.anaLead()).jsonPath();
        assertThat(lead.getString("firstName")).isNull();
        assertThat(lead.getString("lastName")).isNull();
        assertThat(lead.getString("email")).isEqualTo("erased-" + world.anaLead() + "@erased.invalid");
        assertThat(lead.getBoolean("marketingConsent")).isFalse();
        JsonPath contact = as(tenant).get("/v1/crm/contacts/" + world.anaContact()).jsonPath();
        assertThat(contact.getString("email")).isNull();
        assertThat(contact.getString("lastName")).isEqualTo("[erased]");
        assertThat(as(tenant).get("/v1/crm/opportunities/" + world.anaOpportunity()).jsonPath().getString("name"))
                .isEqualTo("Gdpr Exemplu SRL – [erased]");
        String timeline = as(tenant).get("/v1/crm/accounts/" + world.account() + "/timeline").asString();
        assertThat(timeline).doesNotContain("Ana").doesNotContain("Pop").contains("Bogdan Ionescu");
        assertThat(workerJobRequest(world.anaJob())).isEqualTo("{}");
        assertThat(emailBatchRequests()).as("the campaign's email.send batch").singleElement().asString()
                .doesNotContainIgnoringCase("ana.pop").doesNotContain("Ana Pop").contains(BOGDAN);
        assertProblem(as(tenant).get("/v1/crm/attachments/" + world.anaAttachment()), 404);
        assertThat(objectVersions(tenant + "/attachments/" + world.anaAttachment())).as("gone from the bucket").isZero();
        assertThat(objectVersions(tenant + "/attachments/" + world.bogdanAttachment())).isOne();

        JsonPath again = as(tenant).queryParam("email", ANA).get(GDPR + "/export").then().statusCode(200)
                .extract().jsonPath();
        for (String rows : List.of("leads", "contacts", "opportunities", "accounts", "timeline", "attachments",
                "campaignRecipients", "workerJobs")) {
            assertThat(again.getList("rows." + rows)).as(rows).isEmpty();
        }

        assertThat(bogdanRows(world)).as("Bogdan's rows are untouched").isEqualTo(bogdanBefore);
        String auditAfter = auditCsv();
        assertThat(auditAfter).startsWith(auditBefore).contains(",gdpr.erased,person," + erasure.getString("requestId"))
                .doesNotContainIgnoringCase("ana.pop");
        assertThat(as(tenant).get("/v1/crm/audit/verify").jsonPath().getBoolean("valid")).isTrue();
    }

    @Test
    void consentChangesAreAuditedAndUnchangedSavesAreNot() {
        String account = Fixtures.account(tenant, "Consimțământ SRL", null);
        String contact = Fixtures.contact(tenant, "Ion", "Vasile", "ion.vasile@gdpr.example", account);
        as(tenant).body(obj("firstName", "Ion", "lastName", "Vasile", "accountId", account, "marketingConsent", true,
                "consentSource", "EMAIL", "version", 0)).put("/v1/crm/contacts/" + contact).then().statusCode(200);
        as(tenant).body(obj("firstName", "Ion", "lastName", "Vasile", "accountId", account, "marketingConsent", true,
                "title", "CFO", "version", 1)).put("/v1/crm/contacts/" + contact).then().statusCode(200);
        String lead = Fixtures.lead(tenant, obj("email", "maria@gdpr.example", "marketingConsent", true,
                "consentSource", "WEB_FORM"));

        List<String> consentLines = auditCsv().lines().filter(line -> line.contains(",consent.changed,")).toList();
        assertThat(consentLines).hasSize(2);
        assertThat(consentLines.get(0)).contains(",contact," + contact + ",");
        assertThat(consentLines.get(1)).contains(",lead," + lead + ",");
    }

    @Test
    void onlyAdminsMayExportOrEraseAndAnErasureMustBeConfirmed() {
        assertProblem(as(tenant, Scopes.READ, Scopes.WRITE).queryParam("email", ANA).get(GDPR + "/export"), 403);
        assertProblem(as(tenant, Scopes.READ, Scopes.WRITE).body(obj("email", ANA, "confirm", true))
                .post(GDPR + "/erase"), 403);
        assertInvalid(as(tenant).body(obj("email", ANA, "confirm", false)).post(GDPR + "/erase"), "confirm");
        assertInvalid(as(tenant).body(obj("email", ANA)).post(GDPR + "/erase"), "confirm");
        assertInvalid(as(tenant).body(obj("email", "not-an-email", "confirm", true)).post(GDPR + "/erase"), "email");
        assertInvalid(as(tenant).queryParam("email", "nobody").get(GDPR + "/export"), "email");
        assertInvalid(as(tenant).get(GDPR + "/export"), "email");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String convertedLead(String firstName, String lastName, String email) {
        String lead = Fixtures.lead(tenant, obj("firstName", firstName, "lastName", lastName, "email", email,
                "company", "Gdpr Exemplu SRL", "marketingConsent", true, "consentSource", "WEB_FORM"));
        as(tenant).post("/v1/crm/leads/" + lead + "/qualify").then().statusCode(200);
        as(tenant).post("/v1/crm/leads/" + lead + "/convert").then().statusCode(200);
        return lead;
    }

    private String attach(String contact) {
        return given().auth().oauth2(TestTokens.token(tenant, null, Scopes.WRITE))
                .multiPart("file", "notes.pdf", PDF, "application/pdf")
                .post("/v1/crm/contacts/" + contact + "/attachments").then().statusCode(201).extract().path("id");
    }

    private static int objectVersions(String key) throws Exception {
        int versions = 0;
        for (Result<Item> result : ObjectStorageResource.rootClient().listObjects(ListObjectsArgs.builder()
                .bucket(ObjectStorageResource.BUCKET).prefix(key).includeVersions(true).recursive(true).build())) {
            result.get();
            versions++;
        }
        return versions;
    }

    private Map<String, String> bogdanRows(World world) {
        return Map.of(
                "attachment", as(tenant).accept("*/*").get("/v1/crm/attachments/" + world.bogdanAttachment()).asString(),
                "lead", as(tenant).get("/v1/crm/leads/" + world.bogdanLead()).asString(),
                "contact", as(tenant).get("/v1/crm/contacts/" + world.bogdanContact()).asString(),
                "opportunity", as(tenant).get("/v1/crm/opportunities/" + world.bogdanOpportunity()).asString(),
                "account", accountExceptBackgroundScores(world));
    }

    /** The churn model rescores the account in the background (ai.churn); that is not the erasure touching it. */
    private String accountExceptBackgroundScores(World world) {
        Map<String, Object> account = new TreeMap<>(as(tenant).get("/v1/crm/accounts/" + world.account()).jsonPath()
                .getMap(""));
        account.keySet().removeAll(List.of("churnRisk", "churnScore", "updatedAt"));
        return account.toString();
    }

    private String auditCsv() {
        return as(tenant).accept("text/csv").get("/v1/crm/audit/export").then().statusCode(200).extract().asString();
    }

    private List<String> emailBatchRequests() throws SQLException {
        try (Connection admin = Database.connect("postgres");
                PreparedStatement query = admin.prepareStatement(
                        "SELECT request::text || coalesce(result::text, '') FROM crm.worker_jobs"
                                + " WHERE tid = ? AND worker = 'email.send'")) {
            query.setString(1, tenant);
            List<String> requests = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    requests.add(rs.getString(1));
                }
            }
            return requests;
        }
    }

    private String workerJobRequest(String job) throws SQLException {
        try (Connection admin = Database.connect("postgres");
                PreparedStatement query = admin.prepareStatement(
                        "SELECT request::text FROM crm.worker_jobs WHERE tid = ? AND id = ?::uuid")) {
            query.setString(1, tenant);
            query.setString(2, job);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}
