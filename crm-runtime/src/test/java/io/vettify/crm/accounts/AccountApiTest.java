package io.vettify.crm.accounts;

import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;
import static io.vettify.crm.testing.Json.with;
import static io.vettify.crm.testing.Json.without;
import static io.vettify.crm.testing.Problems.assertInvalid;
import static io.vettify.crm.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Cuis;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountApiTest {

    private static final String ACCOUNTS = "/v1/crm/accounts";
    private static final String PATCH_JSON = "application/merge-patch+json";

    private final String tenant = Api.newTenant();

    private static Map<String, Object> valid() {
        return obj("name", "Carpați Software SRL", "cui", "RO" + Cuis.CARPATI, "industry", "software",
                "website", "https://carpati.ro", "phone", "+40 21 000 0000");
    }

    @Test
    void createsReadsUpdatesAndDeletesAnAccount() {
        String id = as(tenant).body(Map.of("name", "Carpați Software SRL", "cui", "RO14399840", "industry", "software"))
                .post("/v1/crm/accounts")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("name", equalTo("Carpați Software SRL"))
                .body("cui", equalTo("14399840"))
                .body("complianceStatus", oneOf("PENDING", "VERIFIED")) // verified by the workers or the cache
                .body("version", equalTo(0))
                .extract().path("id");

        as(tenant).get("/v1/crm/accounts/" + id).then().statusCode(200).body("id", equalTo(id));

        as(tenant).body(Map.of("name", "Carpați Software", "version", 0))
                .put("/v1/crm/accounts/" + id)
                .then().statusCode(200).body("name", equalTo("Carpați Software")).body("cui", equalTo(null))
                .body("version", equalTo(1));

        as(tenant).contentType("application/merge-patch+json").body(Map.of("industry", "fintech", "version", 1))
                .patch("/v1/crm/accounts/" + id)
                .then().statusCode(200).body("industry", equalTo("fintech")).body("name", equalTo("Carpați Software"));

        as(tenant).get("/v1/crm/accounts?count=true").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", hasItem(id)).body("nextCursor", equalTo(null));

        as(tenant).delete("/v1/crm/accounts/" + id).then().statusCode(204);
        as(tenant).get("/v1/crm/accounts/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404)).body("type", notNullValue());
    }

    @Test
    void answersTheLocationAndTheFullRepresentation() {
        Response created = as(tenant).body(valid()).post(ACCOUNTS);
        created.then().statusCode(201)
                .body("industry", equalTo("software"))
                .body("website", equalTo("https://carpati.ro"))
                .body("phone", equalTo("+40 21 000 0000"))
                .body("whid", nullValue())
                .body("officialName", nullValue())
                .body("vatPayer", nullValue())
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(ACCOUNTS + "/" + id);
        as(tenant).get(created.header("Location")).then().statusCode(200).body("name", equalTo("Carpați Software SRL"));
    }

    @Test
    void normalizesTheFiscalCode() {
        as(tenant).body(with(valid(), "cui", " ro " + Cuis.DELTA)).post(ACCOUNTS)
                .then().statusCode(201).body("cui", equalTo(Cuis.DELTA));
        String computed = Cuis.withCheckDigit("123456");
        as(tenant).body(with(valid(), "name", "Computed SRL", "cui", computed)).post(ACCOUNTS)
                .then().statusCode(201).body("cui", equalTo(computed));
    }

    @Test
    void ignoresReadOnlyFields() {
        as(tenant).body(with(without(valid(), "cui"), "complianceStatus", "VERIFIED", "officialName", "Forged SA",
                        "vatPayer", true, "employees", 5000, "churnRisk", "LOW", "churnScore", 0.9))
                .post(ACCOUNTS)
                .then().statusCode(201)
                .body("complianceStatus", equalTo("UNVERIFIED"))
                .body("officialName", nullValue())
                .body("vatPayer", nullValue())
                .body("employees", nullValue())
                .body("churnRisk", nullValue())
                .body("churnScore", nullValue());
    }

    @Test
    void rejectsInvalidAccountsWith422NamingTheField() {
        assertInvalid(as(tenant).body(without(valid(), "name")).post(ACCOUNTS), "name");
        assertInvalid(as(tenant).body(with(valid(), "name", "  ")).post(ACCOUNTS), "name");
        assertInvalid(as(tenant).body(with(valid(), "name", "x".repeat(201))).post(ACCOUNTS), "name");
        assertInvalid(as(tenant).body(with(valid(), "cui", "RO14399841")).post(ACCOUNTS), "cui");
        assertInvalid(as(tenant).body(with(valid(), "cui", "RO1439984X")).post(ACCOUNTS), "cui");
        assertInvalid(as(tenant).body(with(valid(), "cui", "01439984")).post(ACCOUNTS), "cui");
        assertInvalid(as(tenant).body(with(valid(), "cui", "123456789012")).post(ACCOUNTS), "cui");
        assertInvalid(as(tenant).body(with(valid(), "website", "not a website")).post(ACCOUNTS), "website");
        assertInvalid(as(tenant).body(with(valid(), "phone", "phone me")).post(ACCOUNTS), "phone");
        assertInvalid(as(tenant).body(with(valid(), "whid", "Warehouse One")).post(ACCOUNTS), "whid");
        assertInvalid(as(tenant).body(with(valid(), "revenue", 1_000_000)).post(ACCOUNTS), "revenue");
        assertInvalid(as(tenant).body(with(valid(), "name", 42, "cui", "RO14399841")).post(ACCOUNTS));

        as(tenant).get(ACCOUNTS + "?count=true").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aFiscalCodeIsUniqueWithinATenantOnly() {
        as(tenant).body(valid()).post(ACCOUNTS).then().statusCode(201);
        assertProblem(as(tenant).body(with(valid(), "name", "Copycat SRL", "cui", Cuis.CARPATI)).post(ACCOUNTS), 409);

        String other = as(tenant).body(with(valid(), "name", "Other SRL", "cui", null)).post(ACCOUNTS)
                .then().statusCode(201).extract().path("id");
        assertProblem(as(tenant).body(with(valid(), "name", "Other SRL", "version", 0)).put(ACCOUNTS + "/" + other), 409);

        as(Api.newTenant()).body(valid()).post(ACCOUNTS).then().statusCode(201).body("cui", equalTo(Cuis.CARPATI));
        as(tenant).get(ACCOUNTS + "?count=true").then().body("total", equalTo(2));
    }

    @Test
    void updatesNeedTheCurrentVersion() {
        String id = as(tenant).body(valid()).post(ACCOUNTS).then().statusCode(201).extract().path("id");
        assertInvalid(as(tenant).body(valid()).put(ACCOUNTS + "/" + id), "version");
        assertInvalid(as(tenant).contentType(PATCH_JSON).body(obj("industry", "fintech")).patch(ACCOUNTS + "/" + id),
                "version");

        as(tenant).contentType(PATCH_JSON).body(obj("industry", "fintech", "version", 0)).patch(ACCOUNTS + "/" + id)
                .then().statusCode(200).body("version", equalTo(1));
        assertProblem(as(tenant).body(with(valid(), "name", "Stale", "version", 0)).put(ACCOUNTS + "/" + id), 409);
        assertProblem(as(tenant).contentType(PATCH_JSON).body(obj("name", "Stale", "version", 0))
                .patch(ACCOUNTS + "/" + id), 409);
        assertProblem(as(tenant).body(with(valid(), "version", 2)).put(ACCOUNTS + "/" + id), 409);

        as(tenant).get(ACCOUNTS + "/" + id).then().statusCode(200)
                .body("name", equalTo("Carpați Software SRL")).body("industry", equalTo("fintech"))
                .body("version", equalTo(1));
    }

    @Test
    void rejectsInvalidPatches() {
        String id = as(tenant).body(valid()).post(ACCOUNTS).then().statusCode(201).extract().path("id");
        assertInvalid(as(tenant).contentType(PATCH_JSON).body(obj("name", null, "version", 0)).patch(ACCOUNTS + "/" + id),
                "name");
        assertInvalid(as(tenant).contentType(PATCH_JSON).body(obj("cui", "RO14399841", "version", 0))
                .patch(ACCOUNTS + "/" + id), "cui");
        assertInvalid(as(tenant).contentType(PATCH_JSON).body(obj("colour", "red", "version", 0))
                .patch(ACCOUNTS + "/" + id), "colour");
        as(tenant).get(ACCOUNTS + "/" + id).then().body("version", equalTo(0)).body("cui", equalTo(Cuis.CARPATI));
    }

    @Test
    void unknownAccountsAre404AndReadersCannotWrite() {
        String missing = ACCOUNTS + "/" + UUID.randomUUID();
        assertProblem(as(tenant).get(missing), 404);
        assertProblem(as(tenant).body(with(valid(), "version", 0)).put(missing), 404);
        assertProblem(as(tenant).contentType(PATCH_JSON).body(obj("name", "x", "version", 0)).patch(missing), 404);
        assertProblem(as(tenant).delete(missing), 404);

        assertProblem(as(tenant, Scopes.READ).body(valid()).post(ACCOUNTS), 403);
        as(tenant).get(ACCOUNTS + "?count=true").then().body("total", equalTo(0));
    }
}
