package io.vettify.crm.tenancy;

import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Api.asWarehouse;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vettify.crm.testing.Api;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Isolation through the API: another tenant's or warehouse's row is exactly as absent as a missing one. */
@QuarkusTest
class TenantIsolationApiTest {

    private final String tenant = Api.newTenant();
    private final String otherTenant = Api.newTenant();

    @Test
    void anotherTenantsRowsAnswer404LikeMissingOnesOnEveryRouteAndNeverAppearInLists() {
        Map<String, String> ids = createOneOfEach(tenant, null);
        String missing = UUID.randomUUID().toString();
        for (var entry : ids.entrySet()) {
            String collection = "/v1/crm/" + entry.getKey();
            String foreign = collection + "/" + entry.getValue();
            Response absent = as(otherTenant).get(collection + "/" + missing);
            Response hidden = as(otherTenant).get(foreign);
            hidden.then().statusCode(404).contentType("application/problem+json");
            absent.then().statusCode(404).body("title", equalTo(hidden.path("title")));

            Map<String, Object> replacement = as(tenant).get(foreign).then().extract().jsonPath().getMap("");
            as(otherTenant).body(replacement).put(foreign).then().statusCode(404);
            as(otherTenant).contentType("application/merge-patch+json").body(Map.of("version", 0)).patch(foreign)
                    .then().statusCode(404);
            as(otherTenant).delete(foreign).then().statusCode(404);
            as(otherTenant).get(collection + "?limit=200").then().statusCode(200)
                    .body("items.id", not(hasItem(entry.getValue())));
            as(tenant).get(foreign).then().statusCode(200).body("id", equalTo(entry.getValue()));
        }
        as(otherTenant).post("/v1/crm/leads/" + ids.get("leads") + "/qualify").then().statusCode(404);
        as(otherTenant).post("/v1/crm/leads/" + ids.get("leads") + "/convert").then().statusCode(404);
        as(otherTenant).body(Map.of("stage", "CLOSED_WON")).post("/v1/crm/opportunities/" + ids.get("opportunities") + "/stage")
                .then().statusCode(404);
        as(otherTenant).get("/v1/crm/campaigns/" + ids.get("campaigns") + "/metrics").then().statusCode(404);
    }

    @Test
    void aWarehouseSeesItsOwnAndTenantWideRowsButNotAnotherWarehousesRows() {
        Map<String, String> cluj = createOneOfEach(tenant, "cluj");
        Map<String, String> tenantWide = createOneOfEach(tenant, null);
        for (var entry : cluj.entrySet()) {
            String path = "/v1/crm/" + entry.getKey() + "/";
            asWarehouse(tenant, "cluj").get(path + entry.getValue()).then().statusCode(200);
            asWarehouse(tenant, "iasi").get(path + entry.getValue()).then().statusCode(404);
            as(tenant).get(path + entry.getValue()).then().statusCode(404);
            asWarehouse(tenant, "iasi").delete(path + entry.getValue()).then().statusCode(404);
            asWarehouse(tenant, "iasi").get(path + tenantWide.get(entry.getKey())).then().statusCode(200);
            asWarehouse(tenant, "cluj").get(path + tenantWide.get(entry.getKey())).then().statusCode(200);
        }
        asWarehouse(tenant, "iasi").get("/v1/crm/accounts?count=true").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", equalTo(List.of(tenantWide.get("accounts"))));
    }

    @Test
    void aCallerCannotWriteRowsForAnotherWarehouseOrForAWarehouseWhenTenantWide() {
        asWarehouse(tenant, "cluj").body(Map.of("name", "Iasi SRL", "whid", "iasi")).post("/v1/crm/accounts")
                .then().statusCode(422).body("errors[0].field", equalTo("whid"));
        as(tenant).body(Map.of("name", "Cluj SRL", "whid", "cluj")).post("/v1/crm/accounts")
                .then().statusCode(422).body("errors[0].field", equalTo("whid"));
        String clujAccount = asWarehouse(tenant, "cluj").body(Map.of("name", "Cluj SRL", "whid", "cluj"))
                .post("/v1/crm/accounts").then().statusCode(201).extract().path("id");
        // a tenant-wide contact cannot hang off a warehouse's account
        asWarehouse(tenant, "cluj").body(Map.of("lastName", "Pop", "accountId", clujAccount)).post("/v1/crm/contacts")
                .then().statusCode(422).body("errors[0].field", equalTo("accountId"));
    }

    @Test
    void aTenantCannotChooseItsTenantThroughTheRequest() {
        as(tenant).body(Map.of("name", "Mine SRL", "tid", otherTenant)).post("/v1/crm/accounts")
                .then().statusCode(422).body("errors[0].field", equalTo("tid"));
        String id = as(tenant).header("X-Tenant-Id", otherTenant).queryParam("tid", otherTenant)
                .body(Map.of("name", "Mine SRL")).post("/v1/crm/accounts").then().statusCode(201).extract().path("id");
        as(otherTenant).get("/v1/crm/accounts?count=true").then().statusCode(200).body("total", equalTo(0));
        as(tenant).get("/v1/crm/accounts/" + id).then().statusCode(200);
    }

    private static Map<String, String> createOneOfEach(String tid, String whid) {
        Map<String, String> ids = new HashMap<>();
        Map<String, Object> account = new HashMap<>(Map.of("name", "Iso " + UUID.randomUUID()));
        Map<String, Object> contact = new HashMap<>(Map.of("lastName", "Iso"));
        Map<String, Object> lead = new HashMap<>(Map.of("email", "iso@iso.example"));
        Map<String, Object> campaign = new HashMap<>(Map.of("name", "Iso", "subject", "S", "bodyHtml", "<p>b</p>",
                "audience", Map.of()));
        if (whid != null) {
            List.of(account, contact, lead, campaign).forEach(body -> body.put("whid", whid));
        }
        ids.put("accounts", asWarehouse(tid, whid).body(account).post("/v1/crm/accounts").then().statusCode(201).extract().path("id"));
        ids.put("contacts", asWarehouse(tid, whid).body(contact).post("/v1/crm/contacts").then().statusCode(201).extract().path("id"));
        ids.put("leads", asWarehouse(tid, whid).body(lead).post("/v1/crm/leads").then().statusCode(201).extract().path("id"));
        ids.put("campaigns", asWarehouse(tid, whid).body(campaign).post("/v1/crm/campaigns").then().statusCode(201).extract().path("id"));
        Map<String, Object> opportunity = new HashMap<>(Map.of("name", "Iso deal", "accountId", ids.get("accounts")));
        if (whid != null) {
            opportunity.put("whid", whid);
        }
        ids.put("opportunities", asWarehouse(tid, whid).body(opportunity).post("/v1/crm/opportunities").then()
                .statusCode(201).extract().path("id"));
        return ids;
    }
}
