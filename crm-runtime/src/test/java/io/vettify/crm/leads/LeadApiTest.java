package io.vettify.crm.leads;

import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;
import static io.vettify.crm.testing.Json.with;
import static io.vettify.crm.testing.Json.without;
import static io.vettify.crm.testing.Problems.assertInvalid;
import static io.vettify.crm.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Cuis;
import io.vettify.crm.testing.Decimals;
import io.vettify.crm.testing.Fixtures;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeadApiTest {

    private static final String LEADS = "/v1/crm/leads";
    private static final String PATCH_JSON = "application/merge-patch+json";

    private final String tenant = Api.newTenant();

    private static Map<String, Object> valid() {
        return obj("firstName", "Andrei", "lastName", "Pop", "email", "andrei.pop@delta-logistic.ro",
                "company", "Delta Logistic SRL", "source", "REFERRAL");
    }

    private String lead(Map<String, Object> body) {
        return Fixtures.lead(tenant, body);
    }

    private String qualifiedLead(Map<String, Object> body) {
        String id = lead(body);
        as(tenant).post(LEADS + "/" + id + "/qualify").then().statusCode(200).body("status", equalTo("QUALIFIED"));
        return id;
    }

    @Test
    void createsReadsReplacesPatchesAndDeletesALead() {
        Response created = as(tenant).body(with(valid(), "cui", "RO" + Cuis.DELTA)).post(LEADS);
        created.then().statusCode(201)
                .body("firstName", equalTo("Andrei"))
                .body("lastName", equalTo("Pop"))
                .body("email", equalTo("andrei.pop@delta-logistic.ro"))
                .body("company", equalTo("Delta Logistic SRL"))
                .body("cui", equalTo(Cuis.DELTA))
                .body("source", equalTo("REFERRAL"))
                .body("status", equalTo("NEW"))
                .body("convertedAccountId", nullValue())
                .body("version", equalTo(0));
        String id = created.path("id");
        int score = created.path("score");
        assertThat(score).isBetween(0, 100);
        assertThat(created.header("Location")).endsWith(LEADS + "/" + id);

        as(tenant).get(LEADS + "/" + id).then().statusCode(200).body("id", equalTo(id)).body("score", equalTo(score));

        as(tenant).body(obj("email", "andrei@gmail.com", "status", "CONTACTED", "version", 0)).put(LEADS + "/" + id)
                .then().statusCode(200)
                .body("email", equalTo("andrei@gmail.com"))
                .body("status", equalTo("CONTACTED"))
                .body("firstName", nullValue())
                .body("company", nullValue())
                .body("cui", nullValue())
                .body("source", equalTo("OTHER"))
                .body("version", equalTo(1));

        as(tenant).contentType(PATCH_JSON).body(obj("company", "Delta Logistic SRL", "version", 1))
                .patch(LEADS + "/" + id)
                .then().statusCode(200)
                .body("company", equalTo("Delta Logistic SRL"))
                .body("email", equalTo("andrei@gmail.com"))
                .body("status", equalTo("CONTACTED"))
                .body("version", equalTo(2));

        as(tenant).delete(LEADS + "/" + id).then().statusCode(204);
        assertProblem(as(tenant).get(LEADS + "/" + id), 404);
    }

    @Test
    void statusIsNewByDefaultAndScoreIsReadOnly() {
        Response created = as(tenant).body(with(valid(), "score", 3)).post(LEADS);
        created.then().statusCode(201).body("status", equalTo("NEW"));
        int score = created.path("score");
        int sameLeadWithoutScore = as(tenant).body(valid()).post(LEADS).then().statusCode(201).extract().path("score");
        assertThat(score).isEqualTo(sameLeadWithoutScore).isNotEqualTo(3);
    }

    @Test
    void rejectsInvalidLeadsWith422NamingTheField() {
        assertInvalid(as(tenant).body(without(valid(), "email")).post(LEADS), "email");
        assertInvalid(as(tenant).body(with(valid(), "email", "andrei.pop")).post(LEADS), "email");
        assertInvalid(as(tenant).body(with(valid(), "cui", "RO14399841")).post(LEADS), "cui");
        assertInvalid(as(tenant).body(with(valid(), "cui", "12")).post(LEADS), "cui");
        assertInvalid(as(tenant).body(with(valid(), "source", "BILLBOARD")).post(LEADS), "source");
        assertInvalid(as(tenant).body(with(valid(), "status", "HOT")).post(LEADS), "status");
        assertInvalid(as(tenant).body(with(valid(), "company", "x".repeat(201))).post(LEADS), "company");
        assertInvalid(as(tenant).body(with(valid(), "budget", 1000)).post(LEADS), "budget");
        assertInvalid(as(tenant).body(with(valid(), "status", "QUALIFIED")).post(LEADS), "status");
        assertInvalid(as(tenant).body(with(valid(), "status", "CONVERTED")).post(LEADS), "status");

        as(tenant).get(LEADS + "?count=true").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void acceptsTheEditableStatuses() {
        for (String status : new String[] {"NEW", "CONTACTED", "DISQUALIFIED"}) {
            as(tenant).body(with(valid(), "status", status)).post(LEADS)
                    .then().statusCode(201).body("status", equalTo(status));
        }
    }

    @Test
    void updatesCannotSetQualifiedOrConverted() {
        String id = lead(valid());
        assertInvalid(as(tenant).body(with(valid(), "status", "QUALIFIED", "version", 0)).put(LEADS + "/" + id),
                "status");
        assertInvalid(as(tenant).body(with(valid(), "status", "CONVERTED", "version", 0)).put(LEADS + "/" + id),
                "status");
        assertInvalid(as(tenant).contentType(PATCH_JSON).body(obj("status", "QUALIFIED", "version", 0))
                .patch(LEADS + "/" + id), "status");
        as(tenant).get(LEADS + "/" + id).then().statusCode(200).body("status", equalTo("NEW")).body("version", equalTo(0));
    }

    @Test
    void updatesNeedTheCurrentVersion() {
        String id = lead(valid());
        assertInvalid(as(tenant).body(valid()).put(LEADS + "/" + id), "version");
        assertInvalid(as(tenant).contentType(PATCH_JSON).body(obj("company", "X")).patch(LEADS + "/" + id), "version");

        as(tenant).body(with(valid(), "status", "CONTACTED", "version", 0)).put(LEADS + "/" + id)
                .then().statusCode(200).body("version", equalTo(1));
        assertProblem(as(tenant).body(with(valid(), "company", "Stale SRL", "version", 0)).put(LEADS + "/" + id), 409);
        assertProblem(as(tenant).contentType(PATCH_JSON).body(obj("company", "Stale SRL", "version", 0))
                .patch(LEADS + "/" + id), 409);
        as(tenant).get(LEADS + "/" + id).then().statusCode(200)
                .body("company", equalTo("Delta Logistic SRL")).body("status", equalTo("CONTACTED"));
    }

    @Test
    void qualifiesNewAndContactedLeadsOnce() {
        String fresh = lead(valid());
        as(tenant).post(LEADS + "/" + fresh + "/qualify").then().statusCode(200)
                .body("id", equalTo(fresh)).body("status", equalTo("QUALIFIED"));
        assertProblem(as(tenant).post(LEADS + "/" + fresh + "/qualify"), 409);

        String contacted = lead(with(valid(), "status", "CONTACTED"));
        as(tenant).post(LEADS + "/" + contacted + "/qualify").then().statusCode(200).body("status", equalTo("QUALIFIED"));

        String disqualified = lead(with(valid(), "status", "DISQUALIFIED"));
        assertProblem(as(tenant).post(LEADS + "/" + disqualified + "/qualify"), 409);
        as(tenant).get(LEADS + "/" + disqualified).then().body("status", equalTo("DISQUALIFIED"));

        assertProblem(as(tenant).post(LEADS + "/" + UUID.randomUUID() + "/qualify"), 404);
        assertProblem(as(tenant, Scopes.READ).post(LEADS + "/" + contacted + "/qualify"), 403);
    }

    @Test
    void keepsTheEvidenceOfMarketingConsent() {
        String id = lead(valid());
        as(tenant).get(LEADS + "/" + id).then().statusCode(200)
                .body("marketingConsent", equalTo(false))
                .body("consentSource", nullValue())
                .body("consentUpdatedAt", nullValue());

        String givenAt = as(tenant).contentType(PATCH_JSON)
                .body(obj("marketingConsent", true, "consentSource", "WEB_FORM", "version", 0))
                .patch(LEADS + "/" + id).then().statusCode(200)
                .body("marketingConsent", equalTo(true))
                .body("consentSource", equalTo("WEB_FORM"))
                .extract().path("consentUpdatedAt");
        assertThat(givenAt).isNotNull();

        as(tenant).contentType(PATCH_JSON).body(obj("company", "Renamed SRL", "consentSource", "PHONE", "version", 1))
                .patch(LEADS + "/" + id).then().statusCode(200)
                .body("consentSource", equalTo("WEB_FORM"))
                .body("consentUpdatedAt", equalTo(givenAt));

        as(tenant).contentType(PATCH_JSON).body(obj("marketingConsent", false, "version", 2))
                .patch(LEADS + "/" + id).then().statusCode(200)
                .body("marketingConsent", equalTo(false))
                .body("consentSource", equalTo("API"));

        assertInvalid(as(tenant).body(with(valid(), "consentSource", "RUMOUR")).post(LEADS), "consentSource");
    }

    @Test
    void conversionCarriesTheConsentWithItsEvidence() {
        String id = lead(with(valid(), "marketingConsent", true, "consentSource", "EVENT"));
        String givenAt = as(tenant).get(LEADS + "/" + id).then().extract().path("consentUpdatedAt");
        as(tenant).post(LEADS + "/" + id + "/qualify").then().statusCode(200);
        String contactId = as(tenant).body("{}").post(LEADS + "/" + id + "/convert").then().statusCode(200)
                .extract().path("contactId");

        as(tenant).get("/v1/crm/contacts/" + contactId).then().statusCode(200)
                .body("marketingConsent", equalTo(true))
                .body("consentSource", equalTo("EVENT"))
                .body("consentUpdatedAt", equalTo(givenAt));
    }

    @Test
    void convertsOnlyQualifiedLeads() {
        String fresh = lead(valid());
        assertProblem(as(tenant).body("{}").post(LEADS + "/" + fresh + "/convert"), 409);
        String disqualified = lead(with(valid(), "status", "DISQUALIFIED"));
        assertProblem(as(tenant).body("{}").post(LEADS + "/" + disqualified + "/convert"), 409);
        assertProblem(as(tenant).body("{}").post(LEADS + "/" + UUID.randomUUID() + "/convert"), 404);

        as(tenant).get("/v1/crm/accounts?count=true").then().statusCode(200).body("total", equalTo(0));
        as(tenant).get("/v1/crm/contacts?count=true").then().statusCode(200).body("total", equalTo(0));
        as(tenant).get("/v1/crm/opportunities?count=true").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void conversionCreatesAccountContactAndOpportunity() {
        String id = qualifiedLead(with(valid(), "cui", Cuis.DELTA));

        JsonPath result = as(tenant).body(obj("opportunityName", "Delta – fleet tracking", "amount", 12500.5,
                        "currency", "EUR", "expectedCloseDate", "2027-03-31"))
                .post(LEADS + "/" + id + "/convert")
                .then().statusCode(200).extract().jsonPath();
        String accountId = result.getString("accountId");
        String contactId = result.getString("contactId");
        String opportunityId = result.getString("opportunityId");
        assertThat(accountId).isNotNull();
        assertThat(contactId).isNotNull();
        assertThat(opportunityId).isNotNull();

        as(tenant).get("/v1/crm/accounts/" + accountId).then().statusCode(200)
                .body("name", equalTo("Delta Logistic SRL")).body("cui", equalTo(Cuis.DELTA));
        as(tenant).get("/v1/crm/contacts/" + contactId).then().statusCode(200)
                .body("firstName", equalTo("Andrei")).body("lastName", equalTo("Pop"))
                .body("email", equalTo("andrei.pop@delta-logistic.ro")).body("accountId", equalTo(accountId));
        as(tenant).get("/v1/crm/opportunities/" + opportunityId).then().statusCode(200)
                .body("name", equalTo("Delta – fleet tracking"))
                .body("accountId", equalTo(accountId))
                .body("contactId", equalTo(contactId))
                .body("amount", Decimals.amount("12500.50"))
                .body("currency", equalTo("EUR"))
                .body("expectedCloseDate", equalTo("2027-03-31"));

        as(tenant).get(LEADS + "/" + id).then().statusCode(200)
                .body("status", equalTo("CONVERTED"))
                .body("convertedAccountId", equalTo(accountId))
                .body("convertedContactId", equalTo(contactId))
                .body("convertedOpportunityId", equalTo(opportunityId))
                .body("convertedAt", notNullValue());

        assertProblem(as(tenant).body("{}").post(LEADS + "/" + id + "/convert"), 409);
        assertProblem(as(tenant).post(LEADS + "/" + id + "/qualify"), 409);
        as(tenant).get("/v1/crm/opportunities?count=true").then().body("total", equalTo(1));
    }

    @Test
    void conversionWithoutOptionsUsesDefaults() {
        String id = qualifiedLead(obj("email", "maria@gmail.com"));

        JsonPath result = as(tenant).post(LEADS + "/" + id + "/convert").then().statusCode(200).extract().jsonPath();

        as(tenant).get("/v1/crm/contacts/" + result.getString("contactId")).then().statusCode(200)
                .body("email", equalTo("maria@gmail.com")).body("lastName", notNullValue());
        as(tenant).get("/v1/crm/opportunities/" + result.getString("opportunityId"))
                .then().statusCode(200)
                .body("amount", Decimals.amount("0"))
                .body("currency", equalTo("RON"))
                .body("accountId", equalTo(result.getString("accountId")));
    }

    @Test
    void conversionLinksTheAccountWithTheLeadsFiscalCodeFirst() {
        String byCui = Fixtures.account(tenant, "Carpați Software SRL", Cuis.CARPATI);
        String byName = Fixtures.account(tenant, "Gamma Impex SRL", null);
        String existingContact = Fixtures.contact(tenant, "Elena", "Radu", "elena.radu@carpati.ro", byCui);

        String id = qualifiedLead(obj("firstName", "Elena", "lastName", "Radu", "email", "Elena.Radu@carpati.ro",
                "company", "Gamma Impex SRL", "cui", "RO" + Cuis.CARPATI));
        JsonPath result = as(tenant).body("{}").post(LEADS + "/" + id + "/convert")
                .then().statusCode(200).extract().jsonPath();

        assertThat(result.getString("accountId")).isEqualTo(byCui).isNotEqualTo(byName);
        assertThat(result.getString("contactId")).isEqualTo(existingContact);
        as(tenant).get("/v1/crm/accounts?count=true").then().body("total", equalTo(2));
        as(tenant).get("/v1/crm/contacts?count=true").then().body("total", equalTo(1));
        as(tenant).get("/v1/crm/opportunities?accountId=" + byCui).then().statusCode(200)
                .body("items.id", contains(result.getString("opportunityId")));
    }

    @Test
    void conversionLinksTheAccountByCompanyNameWhenNoFiscalCodeMatches() {
        String byName = Fixtures.account(tenant, "Gamma Impex SRL", null);

        String withoutCui = qualifiedLead(obj("email", "ion@gamma.ro", "lastName", "Ionescu",
                "company", "GAMMA IMPEX srl"));
        assertThat(as(tenant).post(LEADS + "/" + withoutCui + "/convert").then().statusCode(200)
                .extract().<String>path("accountId")).isEqualTo(byName);

        String withUnknownCui = qualifiedLead(obj("email", "dan@gamma.ro", "lastName", "Dan",
                "company", "Gamma Impex SRL", "cui", Cuis.DELTA));
        assertThat(as(tenant).post(LEADS + "/" + withUnknownCui + "/convert").then().statusCode(200)
                .extract().<String>path("accountId")).isEqualTo(byName);

        as(tenant).get("/v1/crm/accounts?count=true").then().body("total", equalTo(1));
        as(tenant).get("/v1/crm/opportunities?count=true&accountId=" + byName).then().body("total", equalTo(2));
    }

    @Test
    void conversionValidatesItsOptions() {
        String id = qualifiedLead(valid());
        assertInvalid(as(tenant).body(obj("amount", -1)).post(LEADS + "/" + id + "/convert"), "amount");
        assertInvalid(as(tenant).body(obj("currency", "euro")).post(LEADS + "/" + id + "/convert"), "currency");
        assertInvalid(as(tenant).body(obj("currency", "XYZ")).post(LEADS + "/" + id + "/convert"), "currency");
        assertInvalid(as(tenant).body(obj("probability", 50)).post(LEADS + "/" + id + "/convert"), "probability");
        as(tenant).get(LEADS + "/" + id).then().body("status", equalTo("QUALIFIED"));
        as(tenant).get("/v1/crm/accounts?count=true").then().body("total", equalTo(0));
    }

    @Test
    void aConvertedLeadCannotChange() {
        String id = qualifiedLead(valid());
        as(tenant).body("{}").post(LEADS + "/" + id + "/convert").then().statusCode(200);
        long version = as(tenant).get(LEADS + "/" + id).then().statusCode(200).extract().<Integer>path("version");

        assertProblem(as(tenant).body(with(valid(), "company", "Renamed SRL", "version", version)).put(LEADS + "/" + id),
                409);
        assertProblem(as(tenant).contentType(PATCH_JSON).body(obj("company", "Renamed SRL", "version", version))
                .patch(LEADS + "/" + id), 409);
        assertProblem(as(tenant).body(with(valid(), "status", "NEW", "version", version)).put(LEADS + "/" + id), 409);

        as(tenant).get(LEADS + "/" + id).then().statusCode(200)
                .body("company", equalTo("Delta Logistic SRL")).body("status", equalTo("CONVERTED"));
    }

    @Test
    void unknownLeadsAre404() {
        String missing = LEADS + "/" + UUID.randomUUID();
        assertProblem(as(tenant).get(missing), 404);
        assertProblem(as(tenant).body(with(valid(), "version", 0)).put(missing), 404);
        assertProblem(as(tenant).contentType(PATCH_JSON).body(obj("company", "X", "version", 0)).patch(missing), 404);
        assertProblem(as(tenant).delete(missing), 404);
    }
}
