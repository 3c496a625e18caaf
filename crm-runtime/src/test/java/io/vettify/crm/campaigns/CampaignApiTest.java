package io.vettify.crm.campaigns;

import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;
import static io.vettify.crm.testing.Json.with;
import static io.vettify.crm.testing.Json.without;
import static io.vettify.crm.testing.Problems.assertInvalid;
import static io.vettify.crm.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Fixtures;
import io.vettify.crm.testing.TenantSql;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CampaignApiTest {

    private static final String CAMPAIGNS = "/v1/crm/campaigns";
    private static final String PATCH_JSON = "application/merge-patch+json";
    /** The marketing role: read + campaigns. */
    private static final String[] MARKETING = {Scopes.READ, Scopes.CAMPAIGNS};
    /** The sales role: read + write, no campaigns. */
    private static final String[] SALES = {Scopes.READ, Scopes.WRITE};

    private static final String UNSAFE_HTML = "<h1>Spring offer</h1>"
            + "<p>Hello <b>dear</b> <i>customer</i>, see <a href=\"https://vettify.io/offer\">the offer</a>.</p>"
            + "<script>alert('xss')</script>"
            + "<p onclick=\"steal()\">Click</p>"
            + "<a href=\"javascript:steal()\">bad link</a>"
            + "<iframe src=\"https://evil.example\"></iframe>";

    private final String tenant = Api.newTenant();

    private static Map<String, Object> valid() {
        return obj("name", "Spring offer", "subject", "20% off until May",
                "bodyHtml", "<p>Hello <b>dear</b> customer</p>",
                "audience", obj("statuses", List.of("NEW", "CONTACTED"), "sources", List.of("WEB")));
    }

    private String campaign() {
        return as(tenant, MARKETING).body(valid()).post(CAMPAIGNS).then().statusCode(201).extract().path("id");
    }

    @Test
    void createsReadsReplacesPatchesAndDeletesACampaign() {
        Response created = as(tenant, MARKETING).body(valid()).post(CAMPAIGNS);
        created.then().statusCode(201)
                .body("name", equalTo("Spring offer"))
                .body("subject", equalTo("20% off until May"))
                .body("bodyHtml", equalTo("<p>Hello <b>dear</b> customer</p>"))
                .body("audience.statuses", contains("NEW", "CONTACTED"))
                .body("audience.sources", contains("WEB"))
                .body("status", equalTo("DRAFT"))
                .body("metrics.recipients", equalTo(0))
                .body("metrics.sent", equalTo(0))
                .body("version", equalTo(0));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(CAMPAIGNS + "/" + id);

        as(tenant, MARKETING).get(CAMPAIGNS + "/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("status", equalTo("DRAFT"));

        as(tenant, MARKETING).body(with(valid(), "name", "Summer offer", "audience", obj(), "version", 0))
                .put(CAMPAIGNS + "/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Summer offer"))
                .body("audience.statuses", empty())
                .body("audience.sources", empty())
                .body("version", equalTo(1));

        as(tenant, MARKETING).contentType(PATCH_JSON).body(obj("subject", "Last chance", "version", 1))
                .patch(CAMPAIGNS + "/" + id)
                .then().statusCode(200)
                .body("subject", equalTo("Last chance"))
                .body("name", equalTo("Summer offer"))
                .body("status", equalTo("DRAFT"))
                .body("version", equalTo(2));

        as(tenant, MARKETING).delete(CAMPAIGNS + "/" + id).then().statusCode(204);
        assertProblem(as(tenant, MARKETING).get(CAMPAIGNS + "/" + id), 404);
    }

    @Test
    void sanitizesTheBodyOnSave() {
        String html = as(tenant, MARKETING).body(with(valid(), "bodyHtml", UNSAFE_HTML)).post(CAMPAIGNS)
                .then().statusCode(201).extract().path("bodyHtml");
        assertSafeButFormatted(html);

        String id = campaign();
        String replaced = as(tenant, MARKETING).body(with(valid(), "bodyHtml", UNSAFE_HTML, "version", 0))
                .put(CAMPAIGNS + "/" + id).then().statusCode(200).extract().path("bodyHtml");
        assertSafeButFormatted(replaced);
        String patched = as(tenant, MARKETING).contentType(PATCH_JSON)
                .body(obj("bodyHtml", "<p>Hi <img src=\"https://vettify.io/logo.png\" onerror=\"steal()\"></p>"
                        + "<script>steal()</script>", "version", 1))
                .patch(CAMPAIGNS + "/" + id).then().statusCode(200).extract().path("bodyHtml");
        assertThat(patched).contains("<p>Hi ").contains("https://vettify.io/logo.png")
                .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("<script").doesNotContain("steal");

        as(tenant, MARKETING).get(CAMPAIGNS + "/" + id).then().body("bodyHtml", equalTo(patched));
    }

    private static void assertSafeButFormatted(String html) {
        assertThat(html)
                .contains("<h1>Spring offer</h1>")
                .contains("<b>dear</b>")
                .contains("<i>customer</i>")
                .contains("href=\"https://vettify.io/offer\"")
                .contains("Click")
                .doesNotContainIgnoringCase("<script")
                .doesNotContain("alert")
                .doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContain("steal")
                .doesNotContainIgnoringCase("<iframe")
                .doesNotContain("evil.example");
    }

    @Test
    void aBodyThatIsOnlyUnsafeMarkupIsRejected() {
        assertInvalid(as(tenant, MARKETING).body(with(valid(), "bodyHtml", "<script>alert(1)</script>")).post(CAMPAIGNS),
                "bodyHtml");
        as(tenant, MARKETING).get(CAMPAIGNS + "?count=true").then().body("total", equalTo(0));
    }

    @Test
    void rejectsInvalidCampaignsWith422NamingTheField() {
        assertInvalid(as(tenant, MARKETING).body(without(valid(), "name")).post(CAMPAIGNS), "name");
        assertInvalid(as(tenant, MARKETING).body(with(valid(), "subject", " ")).post(CAMPAIGNS), "subject");
        assertInvalid(as(tenant, MARKETING).body(without(valid(), "bodyHtml")).post(CAMPAIGNS), "bodyHtml");
        assertInvalid(as(tenant, MARKETING).body(without(valid(), "audience")).post(CAMPAIGNS), "audience");
        assertInvalid(as(tenant, MARKETING).body(with(valid(), "name", "x".repeat(201))).post(CAMPAIGNS), "name");
        assertInvalid(as(tenant, MARKETING).body(with(valid(), "sender", "me@vettify.io")).post(CAMPAIGNS), "sender");

        Response badStatus = as(tenant, MARKETING)
                .body(with(valid(), "audience", obj("statuses", List.of("BOGUS")))).post(CAMPAIGNS);
        assertThat(assertInvalid(badStatus).getList("errors.field", String.class))
                .anySatisfy(field -> assertThat(field).startsWith("audience.statuses"));
        Response badSource = as(tenant, MARKETING)
                .body(with(valid(), "audience", obj("sources", List.of("WEB", "TV")))).post(CAMPAIGNS);
        assertThat(assertInvalid(badSource).getList("errors.field", String.class))
                .anySatisfy(field -> assertThat(field).startsWith("audience.sources"));

        as(tenant, MARKETING).get(CAMPAIGNS + "?count=true").then().body("total", equalTo(0));
    }

    @Test
    void updatesNeedTheCurrentVersion() {
        String id = campaign();
        assertInvalid(as(tenant, MARKETING).body(valid()).put(CAMPAIGNS + "/" + id), "version");
        assertInvalid(as(tenant, MARKETING).contentType(PATCH_JSON).body(obj("name", "x")).patch(CAMPAIGNS + "/" + id),
                "version");
        as(tenant, MARKETING).body(with(valid(), "name", "Renamed", "version", 0)).put(CAMPAIGNS + "/" + id)
                .then().statusCode(200).body("version", equalTo(1));
        assertProblem(as(tenant, MARKETING).body(with(valid(), "name", "Stale", "version", 0)).put(CAMPAIGNS + "/" + id),
                409);
        assertProblem(as(tenant, MARKETING).contentType(PATCH_JSON).body(obj("name", "Stale", "version", 0))
                .patch(CAMPAIGNS + "/" + id), 409);
        as(tenant, MARKETING).get(CAMPAIGNS + "/" + id).then().body("name", equalTo("Renamed"));
    }

    @Test
    void onlyDraftsCanChange() {
        for (String status : new String[] {"SENDING", "SENT", "FAILED"}) {
            String id = campaign();
            // There is no send endpoint yet: the state a send leaves behind is set in the database.
            assertThat(TenantSql.update(tenant, "UPDATE crm.campaigns SET status = ? WHERE id = ?", status,
                    UUID.fromString(id))).isEqualTo(1);
            as(tenant, MARKETING).get(CAMPAIGNS + "/" + id).then().body("status", equalTo(status));

            assertProblem(as(tenant, MARKETING).body(with(valid(), "name", "Changed", "version", 0))
                    .put(CAMPAIGNS + "/" + id), 409);
            assertProblem(as(tenant, MARKETING).contentType(PATCH_JSON).body(obj("name", "Changed", "version", 0))
                    .patch(CAMPAIGNS + "/" + id), 409);
            as(tenant, MARKETING).get(CAMPAIGNS + "/" + id).then().body("name", equalTo("Spring offer"))
                    .body("status", equalTo(status));
        }
    }

    @Test
    void aCampaignBeingSentCannotBeDeleted() {
        String id = campaign();
        TenantSql.update(tenant, "UPDATE crm.campaigns SET status = 'SENDING' WHERE id = ?", UUID.fromString(id));
        assertProblem(as(tenant, MARKETING).delete(CAMPAIGNS + "/" + id), 409);
        as(tenant, MARKETING).get(CAMPAIGNS + "/" + id).then().statusCode(200);

        String sent = campaign();
        TenantSql.update(tenant, "UPDATE crm.campaigns SET status = 'SENT' WHERE id = ?", UUID.fromString(sent));
        as(tenant, MARKETING).delete(CAMPAIGNS + "/" + sent).then().statusCode(204);
    }

    @Test
    void metricsOfANewCampaignAreZero() {
        String id = campaign();
        as(tenant, MARKETING).get(CAMPAIGNS + "/" + id + "/metrics").then().statusCode(200)
                .body("recipients", equalTo(0))
                .body("sent", equalTo(0))
                .body("delivered", equalTo(0))
                .body("bounced", equalTo(0))
                .body("opened", equalTo(0))
                .body("clicked", equalTo(0));
        as(tenant, SALES).get(CAMPAIGNS + "/" + id + "/metrics").then().statusCode(200).body("sent", equalTo(0));
        assertProblem(as(tenant, MARKETING).get(CAMPAIGNS + "/" + UUID.randomUUID() + "/metrics"), 404);
    }

    @Test
    void campaignWritesNeedTheCampaignsScope() {
        assertProblem(as(tenant, SALES).body(valid()).post(CAMPAIGNS), 403);
        as(tenant, SALES).get(CAMPAIGNS + "?count=true").then().statusCode(200).body("total", equalTo(0));

        String id = campaign();
        assertProblem(as(tenant, SALES).body(with(valid(), "version", 0)).put(CAMPAIGNS + "/" + id), 403);
        assertProblem(as(tenant, SALES).contentType(PATCH_JSON).body(obj("name", "x", "version", 0))
                .patch(CAMPAIGNS + "/" + id), 403);
        assertProblem(as(tenant, SALES).delete(CAMPAIGNS + "/" + id), 403);
        assertProblem(as(tenant, Scopes.CAMPAIGNS).get(CAMPAIGNS + "/" + id), 403);

        as(tenant, SALES).get(CAMPAIGNS + "/" + id).then().statusCode(200)
                .body("name", equalTo("Spring offer")).body("version", equalTo(0));
    }

    @Test
    void listsFilterByStatus() {
        String draft = campaign();
        String sent = campaign();
        TenantSql.update(tenant, "UPDATE crm.campaigns SET status = 'SENT' WHERE id = ?", UUID.fromString(sent));

        as(tenant, MARKETING).get(CAMPAIGNS + "?status=DRAFT").then().statusCode(200)
                .body("items.id", contains(draft)).body("nextCursor", nullValue());
        as(tenant, MARKETING).get(CAMPAIGNS + "?status=SENT").then().statusCode(200).body("items.id", contains(sent));
        assertInvalid(as(tenant, MARKETING).get(CAMPAIGNS + "?status=BOGUS"), "status");
    }

    @Test
    void unknownCampaignsAre404() {
        String missing = CAMPAIGNS + "/" + UUID.randomUUID();
        assertProblem(as(tenant, MARKETING).get(missing), 404);
        assertProblem(as(tenant, MARKETING).body(with(valid(), "version", 0)).put(missing), 404);
        assertProblem(as(tenant, MARKETING).contentType(PATCH_JSON).body(obj("name", "x", "version", 0)).patch(missing),
                404);
        assertProblem(as(tenant, MARKETING).delete(missing), 404);
    }
}
