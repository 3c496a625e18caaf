package io.vettify.crm.opportunities;

import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;
import static io.vettify.crm.testing.Json.with;
import static io.vettify.crm.testing.Json.without;
import static io.vettify.crm.testing.Problems.assertInvalid;
import static io.vettify.crm.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Decimals;
import io.vettify.crm.testing.Fixtures;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpportunityApiTest {

    private static final String OPPORTUNITIES = "/v1/crm/opportunities";
    private static final String PATCH_JSON = "application/merge-patch+json";
    private static final String[] OPEN_STAGES = {"PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION"};
    private static final String[] ALL_STAGES = {"PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION",
        "CLOSED_WON", "CLOSED_LOST"};

    private final String tenant = Api.newTenant();
    private String accountId;

    @BeforeEach
    void account() {
        accountId = Fixtures.account(tenant, "Carpați Software SRL", null);
    }

    private Map<String, Object> valid() {
        return obj("name", "CRM rollout", "accountId", accountId, "amount", "15000.50", "currency", "EUR",
                "expectedCloseDate", "2027-06-30");
    }

    private String opportunity(String stage) {
        return Fixtures.opportunity(tenant, "Deal in " + stage, accountId, stage);
    }

    private Response changeStage(String id, String stage, String... scopes) {
        return as(tenant, scopes).body(obj("stage", stage)).post(OPPORTUNITIES + "/" + id + "/stage");
    }

    private static final String[] SALES = {Scopes.READ, Scopes.WRITE};

    @Test
    void createsReadsReplacesPatchesAndDeletesAnOpportunity() {
        String contactId = Fixtures.contact(tenant, "Ioana", "Marinescu", "ioana@carpati.ro", accountId);

        Response created = as(tenant).body(with(valid(), "contactId", contactId))
                .post(OPPORTUNITIES);
        created.then().statusCode(201)
                .body("name", equalTo("CRM rollout"))
                .body("accountId", equalTo(accountId))
                .body("contactId", equalTo(contactId))
                .body("amount", Decimals.amount("15000.50"))
                .body("currency", equalTo("EUR"))
                .body("stage", equalTo("PROSPECTING"))
                .body("expectedCloseDate", equalTo("2027-06-30"))
                .body("closedAt", nullValue())
                .body("version", equalTo(0));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(OPPORTUNITIES + "/" + id);

        as(tenant).get(OPPORTUNITIES + "/" + id).then().statusCode(200).body("id", equalTo(id));

        as(tenant).body(obj("name", "CRM rollout, phase 1", "accountId", accountId,
                        "stage", "PROPOSAL", "version", 0))
                .put(OPPORTUNITIES + "/" + id)
                .then().statusCode(200)
                .body("name", equalTo("CRM rollout, phase 1"))
                .body("contactId", nullValue())
                .body("amount", Decimals.amount("0"))
                .body("currency", equalTo("RON"))
                .body("stage", equalTo("PROPOSAL"))
                .body("expectedCloseDate", nullValue())
                .body("version", equalTo(1));

        as(tenant).contentType(PATCH_JSON).body(obj("amount", 990.99, "version", 1))
                .patch(OPPORTUNITIES + "/" + id)
                .then().statusCode(200)
                .body("amount", Decimals.amount("990.99"))
                .body("name", equalTo("CRM rollout, phase 1"))
                .body("stage", equalTo("PROPOSAL"))
                .body("version", equalTo(2));

        as(tenant).delete(OPPORTUNITIES + "/" + id).then().statusCode(204);
        assertProblem(as(tenant).get(OPPORTUNITIES + "/" + id), 404);
    }

    @Test
    void defaultsToRonAndZeroAndProspecting() {
        as(tenant).body(obj("name", "Minimal", "accountId", accountId)).post(OPPORTUNITIES)
                .then().statusCode(201)
                .body("amount", Decimals.amount("0"))
                .body("currency", equalTo("RON"))
                .body("stage", equalTo("PROSPECTING"))
                .body("closedAt", nullValue());
    }

    @Test
    void rejectsInvalidOpportunitiesWith422NamingTheField() {
        assertInvalid(as(tenant).body(without(valid(), "name")).post(OPPORTUNITIES), "name");
        assertInvalid(as(tenant).body(without(valid(), "accountId")).post(OPPORTUNITIES), "accountId");
        assertInvalid(as(tenant).body(with(valid(), "accountId", UUID.randomUUID().toString())).post(OPPORTUNITIES),
                "accountId");
        assertInvalid(as(tenant).body(with(valid(), "contactId", UUID.randomUUID().toString())).post(OPPORTUNITIES),
                "contactId");
        assertInvalid(as(tenant).body(with(valid(), "amount", -1)).post(OPPORTUNITIES), "amount");
        assertInvalid(as(tenant).body(with(valid(), "amount", "-0.01")).post(OPPORTUNITIES), "amount");
        assertInvalid(as(tenant).body(with(valid(), "amount", "10.001")).post(OPPORTUNITIES), "amount");
        assertInvalid(as(tenant).body(with(valid(), "amount", "a lot")).post(OPPORTUNITIES), "amount");
        assertInvalid(as(tenant).body(with(valid(), "currency", "euro")).post(OPPORTUNITIES), "currency");
        assertInvalid(as(tenant).body(with(valid(), "currency", "eur")).post(OPPORTUNITIES), "currency");
        assertInvalid(as(tenant).body(with(valid(), "currency", "E1R")).post(OPPORTUNITIES), "currency");
        assertInvalid(as(tenant).body(with(valid(), "currency", "ABC")).post(OPPORTUNITIES), "currency");
        assertInvalid(as(tenant).body(with(valid(), "stage", "WON")).post(OPPORTUNITIES), "stage");
        assertInvalid(as(tenant).body(with(valid(), "expectedCloseDate", "30/06/2027")).post(OPPORTUNITIES),
                "expectedCloseDate");
        assertInvalid(as(tenant).body(with(valid(), "probability", 0.5)).post(OPPORTUNITIES), "probability");

        as(tenant).get(OPPORTUNITIES + "?count=true").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void cannotLinkAnotherTenantsAccountOrContact() {
        String foreignTenant = Api.newTenant();
        String foreignAccount = Fixtures.account(foreignTenant, "Foreign SRL", null);
        String foreignContact = Fixtures.contact(foreignTenant, null, "Foreigner", null, foreignAccount);
        assertInvalid(as(tenant).body(with(valid(), "accountId", foreignAccount)).post(OPPORTUNITIES), "accountId");
        assertInvalid(as(tenant).body(with(valid(), "contactId", foreignContact)).post(OPPORTUNITIES), "contactId");
    }

    @Test
    void updatesNeedTheCurrentVersion() {
        String id = Fixtures.create(tenant, "opportunities", valid());
        assertInvalid(as(tenant).body(valid()).put(OPPORTUNITIES + "/" + id), "version");
        assertInvalid(as(tenant).contentType(PATCH_JSON).body(obj("amount", 1)).patch(OPPORTUNITIES + "/" + id),
                "version");

        as(tenant).body(with(valid(), "name", "Renamed", "version", 0)).put(OPPORTUNITIES + "/" + id)
                .then().statusCode(200).body("version", equalTo(1));
        assertProblem(as(tenant).body(with(valid(), "name", "Stale", "version", 0)).put(OPPORTUNITIES + "/" + id), 409);
        assertProblem(as(tenant).contentType(PATCH_JSON).body(obj("name", "Stale", "version", 0))
                .patch(OPPORTUNITIES + "/" + id), 409);
        assertProblem(as(tenant).body(obj("stage", "PROPOSAL", "version", 0)).post(OPPORTUNITIES + "/" + id + "/stage"),
                409);

        as(tenant).get(OPPORTUNITIES + "/" + id).then().statusCode(200)
                .body("name", equalTo("Renamed")).body("stage", equalTo("PROSPECTING")).body("version", equalTo(1));
    }

    @Test
    void anOpenStageMovesToAnyStage() {
        for (String from : OPEN_STAGES) {
            for (String to : ALL_STAGES) {
                String id = opportunity(from);
                Response moved = changeStage(id, to, SALES);
                moved.then().statusCode(200).body("stage", equalTo(to));
                if (to.startsWith("CLOSED")) {
                    assertThat(moved.<String>path("closedAt")).as("closedAt after %s -> %s", from, to).isNotNull();
                } else {
                    assertThat(moved.<String>path("closedAt")).as("closedAt after %s -> %s", from, to).isNull();
                }
                as(tenant).get(OPPORTUNITIES + "/" + id).then().body("stage", equalTo(to));
            }
        }
    }

    @Test
    void closingSetsClosedAt() {
        String id = opportunity("NEGOTIATION");
        Instant before = Instant.now().minusSeconds(60);
        String closedAt = changeStage(id, "CLOSED_WON", SALES).then().statusCode(200)
                .body("stage", equalTo("CLOSED_WON")).extract().path("closedAt");
        assertThat(Instant.parse(closedAt)).isAfter(before).isBefore(Instant.now().plusSeconds(60));
        as(tenant).get(OPPORTUNITIES + "/" + id).then().body("closedAt", equalTo(closedAt));

        as(tenant).body(obj("name", "Born closed", "accountId", accountId, "stage", "CLOSED_LOST")).post(OPPORTUNITIES)
                .then().statusCode(201).body("closedAt", notNullValue());
    }

    @Test
    void aClosedStageIsTerminalWithoutAdmin() {
        for (String closed : new String[] {"CLOSED_WON", "CLOSED_LOST"}) {
            String id = opportunity("PROPOSAL");
            changeStage(id, closed, SALES).then().statusCode(200);
            String closedAt = as(tenant).get(OPPORTUNITIES + "/" + id).then().extract().path("closedAt");
            for (String to : ALL_STAGES) {
                if (!to.equals(closed)) {
                    assertProblem(changeStage(id, to, SALES), 409);
                }
            }
            long version = as(tenant).get(OPPORTUNITIES + "/" + id).then().extract().<Integer>path("version");
            assertProblem(as(tenant, SALES).body(with(valid(), "stage", "PROPOSAL", "version", version))
                    .put(OPPORTUNITIES + "/" + id), 409);
            assertProblem(as(tenant, SALES).contentType(PATCH_JSON).body(obj("stage", "NEGOTIATION", "version", version))
                    .patch(OPPORTUNITIES + "/" + id), 409);
            as(tenant).get(OPPORTUNITIES + "/" + id).then().statusCode(200)
                    .body("stage", equalTo(closed)).body("closedAt", equalTo(closedAt));
        }
    }

    @Test
    void anAdminReopensAClosedOpportunity() {
        String id = opportunity("NEGOTIATION");
        changeStage(id, "CLOSED_LOST", SALES).then().statusCode(200).body("closedAt", notNullValue());

        changeStage(id, "NEGOTIATION", Scopes.READ, Scopes.WRITE, Scopes.ADMIN).then().statusCode(200)
                .body("stage", equalTo("NEGOTIATION")).body("closedAt", nullValue());
        as(tenant).get(OPPORTUNITIES + "/" + id).then().body("stage", equalTo("NEGOTIATION"))
                .body("closedAt", nullValue());

        changeStage(id, "CLOSED_WON", SALES).then().statusCode(200).body("closedAt", notNullValue());
        changeStage(id, "CLOSED_LOST", Scopes.READ, Scopes.WRITE, Scopes.ADMIN).then().statusCode(200)
                .body("stage", equalTo("CLOSED_LOST")).body("closedAt", notNullValue());

        long version = as(tenant).get(OPPORTUNITIES + "/" + id).then().extract().<Integer>path("version");
        as(tenant, Scopes.READ, Scopes.WRITE, Scopes.ADMIN).body(with(valid(), "stage", "PROPOSAL", "version", version))
                .put(OPPORTUNITIES + "/" + id)
                .then().statusCode(200).body("stage", equalTo("PROPOSAL")).body("closedAt", nullValue());
    }

    @Test
    void stageChangesAreValidated() {
        String id = opportunity("PROSPECTING");
        assertInvalid(as(tenant).body(obj("stage", "WON")).post(OPPORTUNITIES + "/" + id + "/stage"), "stage");
        assertInvalid(as(tenant).body(obj()).post(OPPORTUNITIES + "/" + id + "/stage"), "stage");
        assertInvalid(as(tenant).body(obj("stage", "PROPOSAL", "reason", "x")).post(OPPORTUNITIES + "/" + id + "/stage"),
                "reason");
        assertProblem(as(tenant).body(obj("stage", "PROPOSAL")).post(OPPORTUNITIES + "/" + UUID.randomUUID() + "/stage"),
                404);
        assertProblem(changeStage(id, "PROPOSAL", Scopes.READ), 403);

        as(tenant).body(obj("stage", "PROPOSAL", "version", 0)).post(OPPORTUNITIES + "/" + id + "/stage")
                .then().statusCode(200).body("stage", equalTo("PROPOSAL")).body("version", equalTo(1));
    }

    @Test
    void anAccountWithOpportunitiesCannotBeDeleted() {
        String id = opportunity("PROSPECTING");
        assertProblem(as(tenant).delete("/v1/crm/accounts/" + accountId), 409);
        as(tenant).get("/v1/crm/accounts/" + accountId).then().statusCode(200);

        as(tenant).delete(OPPORTUNITIES + "/" + id).then().statusCode(204);
        as(tenant).delete("/v1/crm/accounts/" + accountId).then().statusCode(204);
    }

    @Test
    void unknownOpportunitiesAre404() {
        String missing = OPPORTUNITIES + "/" + UUID.randomUUID();
        assertProblem(as(tenant).get(missing), 404);
        assertProblem(as(tenant).body(with(valid(), "version", 0)).put(missing), 404);
        assertProblem(as(tenant).contentType(PATCH_JSON).body(obj("name", "x", "version", 0)).patch(missing), 404);
        assertProblem(as(tenant).delete(missing), 404);
    }
}
