package io.vettify.crm.accounts;

import static io.vettify.crm.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.vettify.crm.testing.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountApiTest {

    private final String tenant = Api.newTenant();

    @Test
    void createsReadsUpdatesAndDeletesAnAccount() {
        String id = as(tenant).body(Map.of("name", "Carpați Software SRL", "cui", "RO14399840", "industry", "software"))
                .post("/v1/crm/accounts")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("name", equalTo("Carpați Software SRL"))
                .body("cui", equalTo("14399840"))
                .body("complianceStatus", equalTo("UNVERIFIED"))
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
}
