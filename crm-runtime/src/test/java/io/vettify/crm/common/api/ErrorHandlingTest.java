package io.vettify.crm.common.api;

import static io.restassured.RestAssured.given;
import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;
import static io.vettify.crm.testing.Problems.assertInvalid;
import static io.vettify.crm.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Fixtures;
import io.vettify.crm.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Errors every endpoint shares (PRODUCT.md §4, §5): problem+json, never a 5xx for bad input, never a leak. */
@QuarkusTest
class ErrorHandlingTest {

    private static final String BASE = "/v1/crm/";
    private static final String PATCH_JSON = "application/merge-patch+json";

    private final String tenant = Api.newTenant();

    /** One writable row of each kind in {@link #tenant}; keys are collection names. */
    private Map<String, String> rows() {
        String account = Fixtures.account(tenant, "Carpați Software SRL", null);
        return Map.of(
                "accounts", account,
                "contacts", Fixtures.contact(tenant, "Ioana", "Marinescu", "ioana@carpati.ro", account),
                "leads", Fixtures.lead(tenant, obj("email", "lead@carpati.ro", "company", "Carpați")),
                "opportunities", Fixtures.opportunity(tenant, "CRM rollout", account),
                "campaigns", Fixtures.create(tenant, "campaigns", obj("name", "Spring", "subject", "Offer",
                        "bodyHtml", "<p>Hi</p>", "audience", obj())));
    }

    private static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static RequestSpecification withToken(String token) {
        return anonymous().auth().oauth2(token);
    }

    @Test
    void malformedJsonIs400() {
        Map<String, String> rows = rows();
        for (String collection : List.of("accounts", "contacts", "leads", "opportunities", "campaigns")) {
            assertProblem(as(tenant).body("{\"name\": ").post(BASE + collection), 400);
            assertProblem(as(tenant).body("{\"name\": \"x\",}").post(BASE + collection), 400);
            assertProblem(as(tenant).body("not json at all").put(BASE + collection + "/" + rows.get(collection)), 400);
            assertProblem(as(tenant).contentType(PATCH_JSON).body("{\"version\": 0")
                    .patch(BASE + collection + "/" + rows.get(collection)), 400);
        }
        assertProblem(as(tenant).body("{\"stage\": ").post(BASE + "opportunities/" + rows.get("opportunities") + "/stage"),
                400);
        assertProblem(as(tenant).body("{\"amount\": ").post(BASE + "leads/" + rows.get("leads") + "/convert"), 400);
    }

    @Test
    void aBodyOfTheWrongShapeIs400Or422NeverA500() {
        String lead = rows().get("leads");
        assertProblem(as(tenant).body("[1, 2, 3]").post(BASE + "leads"), 400);
        assertProblem(as(tenant).body("\"just a string\"").post(BASE + "accounts"), 400);
        assertProblem(as(tenant).body("").post(BASE + "contacts"), 400);
        assertProblem(as(tenant).contentType(PATCH_JSON).body("[{\"op\": \"replace\"}]").patch(BASE + "leads/" + lead),
                400);
        assertProblem(as(tenant).body(obj("email", List.of("a@b.ro"))).post(BASE + "leads"), 422);
        assertProblem(as(tenant).body(obj("name", obj("first", "x"))).post(BASE + "accounts"), 422);
        assertProblem(as(tenant).body(obj("email", "a@b.ro", "version", "one")).put(BASE + "leads/" + lead), 422);
    }

    @Test
    void theNulCharacterPostgresCannotStoreIs422NeverA500() {
        Map<String, String> rows = rows();
        // Found by the fuzzer: U+0000 in a search reached PostgreSQL, which refuses it in text ("invalid byte sequence").
        for (String collection : List.of("accounts", "contacts", "leads", "opportunities", "campaigns")) {
            assertInvalid(as(tenant).urlEncodingEnabled(false).get(BASE + collection + "?q=a%00b"), "q");
        }
        assertInvalid(as(tenant).urlEncodingEnabled(false)
                .get(BASE + "contacts/" + rows.get("contacts") + "/attachments?q=%00"), "q");
        assertProblem(as(tenant).body(obj("firstName", "Ana\u0000", "email", "nul@example.ro")).post(BASE + "leads"), 422);
        assertProblem(as(tenant).body(obj("name", "Carpați\u0000 SRL")).post(BASE + "accounts"), 422);
        as(tenant).queryParam("q", "nul@example.ro").queryParam("count", true).get(BASE + "leads")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aWrongMediaTypeIs415() {
        Map<String, String> rows = rows();
        for (String collection : List.of("accounts", "contacts", "leads", "opportunities", "campaigns")) {
            assertProblem(as(tenant).contentType(ContentType.TEXT).body("name=Carpati").post(BASE + collection), 415);
            assertProblem(as(tenant).contentType(ContentType.XML).body("<name>Carpati</name>")
                    .put(BASE + collection + "/" + rows.get(collection)), 415);
        }
        assertProblem(as(tenant).contentType(ContentType.TEXT).body("CLOSED_WON")
                .post(BASE + "opportunities/" + rows.get("opportunities") + "/stage"), 415);
        as(tenant).get(BASE + "leads?count=true").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        String account = Fixtures.account(tenant, "Carpați Software SRL", null);
        // valid JSON, just too large: 1 MiB + a few bytes
        String company = "x".repeat(1024 * 1024);
        String lead = "{\"email\": \"big@carpati.ro\", \"company\": \"" + company + "\"}";
        String accountUpdate = "{\"name\": \"" + company + "\", \"version\": 0}";
        assertThat(lead.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1_048_576);

        // Expect: 100-continue lets the server refuse before the body is sent, as a client of a large upload would
        var expectContinue = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.protocol.expect-continue", true));
        Response create = as(tenant).config(expectContinue).body(lead).post(BASE + "leads");
        assertProblem(create, 413);
        assertProblem(as(tenant).config(expectContinue).body(accountUpdate).put(BASE + "accounts/" + account), 413);

        as(tenant).get(BASE + "leads?count=true").then().statusCode(200).body("total", equalTo(0));
        as(tenant).get(BASE + "accounts/" + account).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        // 1 MiB minus a little: read and validated (422 for the over-long company), not refused as too large
        String company = "x".repeat(1024 * 1024 - 100);
        String lead = "{\"email\": \"big@carpati.ro\", \"company\": \"" + company + "\"}";
        assertThat(lead.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1_048_576);
        JsonPath problem = assertProblem(as(tenant).body(lead).post(BASE + "leads"), 422);
        assertThat(problem.getList("errors.field", String.class)).contains("company");
    }

    @Test
    void requestsWithoutAValidTokenAre401() {
        String missing = UUID.randomUUID().toString();
        List<Function<RequestSpecification, Response>> calls = List.of(
                spec -> spec.get(BASE + "leads"),
                spec -> spec.get(BASE + "accounts/" + missing),
                spec -> spec.body(obj("name", "Carpați")).post(BASE + "accounts"),
                spec -> spec.body(obj("stage", "CLOSED_WON")).post(BASE + "opportunities/" + missing + "/stage"),
                spec -> spec.delete(BASE + "campaigns/" + missing));
        List<Supplier<RequestSpecification>> unauthenticated = List.of(
                ErrorHandlingTest::anonymous,
                () -> withToken(TestTokens.foreignlySignedToken(tenant, Api.ALL_SCOPES)),
                () -> withToken(TestTokens.expiredToken(tenant, Api.ALL_SCOPES)),
                () -> withToken(TestTokens.tokenWithoutTenant(Api.ALL_SCOPES)),
                () -> withToken(TestTokens.token("Not_A_Tenant", null, Api.ALL_SCOPES)),
                () -> withToken(TestTokens.token(tenant, "Not A Warehouse", Api.ALL_SCOPES)),
                () -> withToken("not.a.jwt"));
        for (Supplier<RequestSpecification> spec : unauthenticated) {
            for (Function<RequestSpecification, Response> call : calls) {
                Response response = call.apply(spec.get());
                assertProblem(response, 401);
                assertThat(response.header("WWW-Authenticate")).as("WWW-Authenticate").startsWith("Bearer");
            }
        }
        as(tenant).get(BASE + "accounts?count=true").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aValidTokenWithoutTheScopeIs403() {
        Map<String, String> rows = rows();
        String campaignsOnly = Scopes.CAMPAIGNS;
        assertProblem(as(tenant, campaignsOnly).get(BASE + "leads"), 403);
        assertProblem(as(tenant, campaignsOnly).get(BASE + "accounts/" + rows.get("accounts")), 403);
        assertProblem(as(tenant, Scopes.READ).body(obj("email", "x@y.ro")).post(BASE + "leads"), 403);
        assertProblem(as(tenant, Scopes.READ).body(obj("stage", "CLOSED_WON"))
                .post(BASE + "opportunities/" + rows.get("opportunities") + "/stage"), 403);
        assertProblem(as(tenant, Scopes.READ).post(BASE + "leads/" + rows.get("leads") + "/qualify"), 403);
        assertProblem(as(tenant, Scopes.READ).delete(BASE + "accounts/" + rows.get("accounts")), 403);
        assertProblem(as(tenant, Scopes.READ, Scopes.WRITE).delete(BASE + "campaigns/" + rows.get("campaigns")), 403);
        assertProblem(withToken(TestTokens.token(tenant, null, "")).get(BASE + "contacts"), 403);
        assertProblem(withToken(TestTokens.token(tenant, null, "crm/everything")).get(BASE + "contacts"), 403);

        as(tenant).get(BASE + "leads/" + rows.get("leads")).then().statusCode(200).body("status", equalTo("NEW"));
        as(tenant).get(BASE + "accounts/" + rows.get("accounts")).then().statusCode(200);
    }

    @Test
    void anotherTenantsRowsAnswer404ExactlyLikeMissingRows() {
        Map<String, String> rows = rows();
        String stranger = Api.newTenant();
        for (Map.Entry<String, String> row : rows.entrySet()) {
            String collection = BASE + row.getKey() + "/";
            String foreign = row.getValue();
            String missing = UUID.randomUUID().toString();
            Map<String, Object> body = bodyFor(row.getKey(), rows);

            assertSame404(as(stranger).get(collection + foreign), foreign, as(stranger).get(collection + missing), missing);
            assertSame404(as(stranger).body(body).put(collection + foreign), foreign,
                    as(stranger).body(body).put(collection + missing), missing);
            assertSame404(as(stranger).contentType(PATCH_JSON).body(obj("version", 0)).patch(collection + foreign),
                    foreign, as(stranger).contentType(PATCH_JSON).body(obj("version", 0)).patch(collection + missing),
                    missing);
            assertSame404(as(stranger).delete(collection + foreign), foreign, as(stranger).delete(collection + missing),
                    missing);
        }
        String lead = rows.get("leads");
        String missing = UUID.randomUUID().toString();
        assertSame404(as(stranger).post(BASE + "leads/" + lead + "/qualify"), lead,
                as(stranger).post(BASE + "leads/" + missing + "/qualify"), missing);
        String opportunity = rows.get("opportunities");
        assertSame404(as(stranger).body(obj("stage", "CLOSED_WON")).post(BASE + "opportunities/" + opportunity + "/stage"),
                opportunity, as(stranger).body(obj("stage", "CLOSED_WON"))
                        .post(BASE + "opportunities/" + missing + "/stage"), missing);
        String campaign = rows.get("campaigns");
        assertSame404(as(stranger).get(BASE + "campaigns/" + campaign + "/metrics"), campaign,
                as(stranger).get(BASE + "campaigns/" + missing + "/metrics"), missing);

        for (Map.Entry<String, String> row : rows.entrySet()) {
            as(tenant).get(BASE + row.getKey() + "/" + row.getValue()).then().statusCode(200).body("version", equalTo(0));
            as(stranger).get(BASE + row.getKey() + "?count=true").then().statusCode(200).body("total", equalTo(0));
        }
        as(tenant).get(BASE + "leads/" + lead).then().body("status", equalTo("NEW"));
        as(tenant).get(BASE + "opportunities/" + opportunity).then().body("stage", equalTo("PROSPECTING"));
    }

    private static Map<String, Object> bodyFor(String collection, Map<String, String> rows) {
        return switch (collection) {
            case "accounts" -> obj("name", "Taken over SRL", "version", 0);
            case "contacts" -> obj("lastName", "Taken over", "version", 0);
            case "leads" -> obj("email", "taken@over.ro", "version", 0);
            case "opportunities" -> obj("name", "Taken over", "accountId", rows.get("accounts"), "version", 0);
            case "campaigns" -> obj("name", "Taken over", "subject", "x", "bodyHtml", "<p>x</p>", "audience", obj(),
                    "version", 0);
            default -> throw new IllegalArgumentException(collection);
        };
    }

    private static void assertSame404(Response foreign, String foreignId, Response missing, String missingId) {
        JsonPath foreignProblem = assertProblem(foreign, 404);
        JsonPath missingProblem = assertProblem(missing, 404);
        assertThat(foreignProblem.getString("title")).isEqualTo(missingProblem.getString("title"));
        assertThat(foreignProblem.getString("type")).isEqualTo(missingProblem.getString("type"));
        assertThat(String.valueOf(foreignProblem.getString("detail")).replace(foreignId, "{id}"))
                .isEqualTo(String.valueOf(missingProblem.getString("detail")).replace(missingId, "{id}"));
        assertThat(foreign.asString().replace(foreignId, "{id}")).isEqualTo(missing.asString().replace(missingId, "{id}"));
    }

    @Test
    void aWarehouseRowIsVisibleOnlyInItsWarehouse() {
        String inW1 = Api.asWarehouse(tenant, "w1").body(obj("email", "w1@carpati.ro", "whid", "w1")).post(BASE + "leads")
                .then().statusCode(201).body("whid", equalTo("w1")).extract().path("id");
        String tenantWide = Fixtures.lead(tenant, obj("email", "all@carpati.ro"));

        Api.asWarehouse(tenant, "w1").get(BASE + "leads/" + inW1).then().statusCode(200);
        Api.asWarehouse(tenant, "w1").get(BASE + "leads/" + tenantWide).then().statusCode(200);
        assertProblem(as(tenant).get(BASE + "leads/" + inW1), 404);
        assertProblem(Api.asWarehouse(tenant, "w2").get(BASE + "leads/" + inW1), 404);
        assertProblem(Api.asWarehouse(tenant, "w2").delete(BASE + "leads/" + inW1), 404);
        as(tenant).get(BASE + "leads?count=true").then().body("total", equalTo(1)).body("items[0].id", equalTo(tenantWide));
        Api.asWarehouse(tenant, "w1").get(BASE + "leads?count=true").then().body("total", equalTo(2));

        // nobody writes into a warehouse that is not theirs
        JsonPath problem = assertProblem(Api.asWarehouse(tenant, "w2").body(obj("email", "x@y.ro", "whid", "w1"))
                .post(BASE + "leads"), 422);
        assertThat(problem.getList("errors.field", String.class)).contains("whid");
    }

    @Test
    void malformedIdsAre404NotA500() {
        for (String collection : List.of("accounts", "contacts", "leads", "opportunities", "campaigns")) {
            assertProblem(as(tenant).get(BASE + collection + "/not-a-uuid"), 404);
            assertProblem(as(tenant).delete(BASE + collection + "/12345"), 404);
        }
        assertProblem(as(tenant).post(BASE + "leads/not-a-uuid/qualify"), 404);
    }

    @Test
    void unsupportedMethodsRoutesAndRepresentationsAreProblems() {
        String account = Fixtures.account(tenant, "Carpați Software SRL", null);
        assertProblem(as(tenant).delete(BASE + "leads"), 405);
        assertProblem(as(tenant).body(obj("name", "x")).put(BASE + "accounts"), 405);
        assertProblem(as(tenant).body(obj("name", "x")).post(BASE + "accounts/" + account), 405);
        assertProblem(as(tenant).get(BASE + "unicorns"), 404);
        assertProblem(as(tenant).get(BASE + "accounts/" + account + "/unicorns"), 404);
        assertProblem(as(tenant).accept(ContentType.XML).get(BASE + "accounts/" + account), 406);
        as(tenant).get(BASE + "accounts/" + account).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void securityHeadersAreOnEveryAnswer() {
        String account = Fixtures.account(tenant, "Carpați Software SRL", null);
        List<Response> answers = List.of(
                as(tenant).get(BASE + "accounts/" + account),
                anonymous().get(BASE + "accounts/" + account),
                as(tenant).get(BASE + "accounts/" + UUID.randomUUID()),
                as(tenant).body(obj("name", "")).post(BASE + "accounts"),
                as(tenant, Scopes.READ).delete(BASE + "accounts/" + account));
        assertThat(answers).extracting(Response::statusCode).containsExactly(200, 401, 404, 422, 403);
        for (Response answer : answers) {
            assertThat(answer.header("X-Content-Type-Options")).as("nosniff on %s", answer.statusLine())
                    .isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as("X-Frame-Options on %s", answer.statusLine())
                    .isEqualTo("DENY");
        }
    }

    @Test
    void cursorsAndQueryParametersNeverCauseA500() {
        Fixtures.lead(tenant, obj("email", "one@carpati.ro"));
        String sqlish = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("createdAt\n00000000-0000-0000-0000-000000000000\n' OR 1=1 --".getBytes(StandardCharsets.UTF_8));
        assertProblem(as(tenant).queryParam("cursor", sqlish).get(BASE + "leads?sort=createdAt"), 422);
        as(tenant).queryParam("q", "' OR 1=1 --").get(BASE + "leads").then().statusCode(200)
                .body("items.size()", equalTo(0));
        as(tenant).queryParam("q", "%' ; DROP TABLE crm.leads; --").get(BASE + "leads").then().statusCode(200)
                .body("items.size()", equalTo(0));
        as(tenant).get(BASE + "leads?count=true").then().statusCode(200).body("total", equalTo(1));
    }
}
