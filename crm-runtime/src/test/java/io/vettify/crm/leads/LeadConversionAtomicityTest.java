package io.vettify.crm.leads;

import static io.vettify.crm.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Converting a lead is one transaction: when the database fails while creating the opportunity (a fault injected
 * with a trigger, for this test's tenant only), the account and contact created before are gone too and the lead
 * is still QUALIFIED.
 */
@QuarkusTest
class LeadConversionAtomicityTest {

    private final String tenant = Api.newTenant();
    private final String trigger = "fail_conversion_" + tenant.replace('-', '_');

    @Test
    void aFailureMidwayLeavesNothingBehind() throws SQLException {
        String lead = as(tenant).body(Map.of("email", "ana@atomic.example", "lastName", "Pop", "company", "Atomic SRL"))
                .post("/v1/crm/leads").then().statusCode(201).extract().path("id");
        as(tenant).post("/v1/crm/leads/" + lead + "/qualify").then().statusCode(200);

        injectFailureOnOpportunityInsert();
        as(tenant).post("/v1/crm/leads/" + lead + "/convert").then().statusCode(500)
                .contentType("application/problem+json")
                .body("detail", not(containsString("injected")));

        as(tenant).get("/v1/crm/leads/" + lead).then().statusCode(200)
                .body("status", equalTo("QUALIFIED")).body("convertedAccountId", equalTo(null));
        as(tenant).get("/v1/crm/accounts?count=true").then().body("total", equalTo(0));
        as(tenant).get("/v1/crm/contacts?count=true").then().body("total", equalTo(0));
        as(tenant).get("/v1/crm/opportunities?count=true").then().body("total", equalTo(0));

        removeFailure();
        String account = as(tenant).post("/v1/crm/leads/" + lead + "/convert").then().statusCode(200)
                .extract().path("accountId");
        as(tenant).get("/v1/crm/accounts/" + account).then().statusCode(200).body("name", equalTo("Atomic SRL"));
        as(tenant).get("/v1/crm/leads/" + lead).then().body("status", equalTo("CONVERTED"));
    }

    private void injectFailureOnOpportunityInsert() throws SQLException {
        try (Connection admin = Database.connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("CREATE FUNCTION crm." + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "RAISE EXCEPTION 'injected failure'; END $$");
            sql.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON crm.opportunities FOR EACH ROW "
                    + "WHEN (NEW.tid = '" + tenant + "') EXECUTE FUNCTION crm." + trigger + "()");
        }
    }

    @AfterEach
    void removeFailure() throws SQLException {
        try (Connection admin = Database.connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("DROP TRIGGER IF EXISTS " + trigger + " ON crm.opportunities");
            sql.execute("DROP FUNCTION IF EXISTS crm." + trigger + "()");
        }
    }
}
