package io.vettify.crm.campaigns;

import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.vettify.crm.security.Scopes;
import io.vettify.crm.testing.TenantSql;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Campaigns, audiences and sends of the campaign tests, through the API. */
final class CampaignSends {

    /** The marketing role: read + campaigns. */
    static final String[] MARKETING = {Scopes.READ, Scopes.CAMPAIGNS};
    static final Duration SETTLED = Duration.ofSeconds(60);

    private CampaignSends() {
    }

    static String campaign(String tenant, String subject, String bodyHtml, Map<String, Object> audience) {
        return as(tenant, MARKETING).body(obj("name", "Campaign " + subject, "subject", subject, "bodyHtml", bodyHtml,
                        "audience", audience))
                .post("/v1/crm/campaigns").then().statusCode(201).extract().path("id");
    }

    static String lead(String tenant, String firstName, String email, String source, boolean consent) {
        return as(tenant).body(obj("firstName", firstName, "lastName", "Test", "email", email, "source", source,
                        "marketingConsent", consent))
                .post("/v1/crm/leads").then().statusCode(201).extract().path("id");
    }

    static String contact(String tenant, String firstName, String email, boolean consent) {
        return as(tenant).body(obj("firstName", firstName, "lastName", "Test", "email", email,
                        "marketingConsent", consent))
                .post("/v1/crm/contacts").then().statusCode(201).extract().path("id");
    }

    /** {@code count} leads with consent (source WEB, status NEW), inserted at once. */
    static void bulkLeads(String tenant, int count, String domain) {
        TenantSql.update(tenant, "INSERT INTO crm.leads (id, first_name, email, source, status, marketing_consent, "
                + "consent_source, consent_updated_at, created_at, updated_at) SELECT gen_random_uuid(), 'P' || g, "
                + "'person' || g || '@' || ?, 'WEB', 'NEW', true, 'IMPORT', now(), now() + g * interval '1 microsecond', "
                + "now() FROM generate_series(1, ?) g", domain, count);
    }

    static void send(String tenant, String campaign) {
        as(tenant, MARKETING).body(obj("confirm", true)).post("/v1/crm/campaigns/" + campaign + "/send")
                .then().statusCode(202).body("status", equalTo("SENDING"));
    }

    static void awaitStatus(String tenant, String campaign, String status) {
        await().atMost(SETTLED).untilAsserted(() -> as(tenant, MARKETING).get("/v1/crm/campaigns/" + campaign)
                .then().statusCode(200).body("status", equalTo(status)));
    }

    static List<Map<String, Object>> recipients(String tenant, String campaign) {
        return TenantSql.query(tenant, "SELECT email, lead_id, contact_id, batch_no, status, provider_message_id "
                + "FROM crm.campaign_recipients WHERE campaign_id = ?::uuid ORDER BY email", campaign);
    }

    static List<Map<String, Object>> batches(String tenant, String campaign) {
        return TenantSql.query(tenant, "SELECT b.batch_no, b.size, b.status, j.request::text AS request "
                + "FROM crm.campaign_batches b LEFT JOIN crm.worker_jobs j ON j.id = b.job_id "
                + "WHERE b.campaign_id = ?::uuid ORDER BY b.batch_no", campaign);
    }

    static List<Map<String, Object>> emailJobs(String tenant) {
        return TenantSql.query(tenant, "SELECT id, request::text AS request FROM crm.worker_jobs "
                + "WHERE worker = 'email.send'");
    }
}
