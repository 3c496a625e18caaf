package io.vettify.crm.demo;

import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Api.asWarehouse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.vettify.crm.security.Scopes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demoData;

    @Test
    void loadsTheDemoTenantOnceWithItsRowsSpreadOverWarehousesAndKeepsGlobexApart() {
        demoData.load();
        assertThat(demoData.load()).as("a second load inserts nothing").isZero();

        as("demo", Scopes.READ).get("/v1/crm/leads?count=true").then().statusCode(200).body("total", equalTo(40));
        as("demo", Scopes.READ).get("/v1/crm/campaigns?count=true").then().statusCode(200).body("total", equalTo(2));
        assertThat(idsAcrossWarehouses("accounts")).hasSize(10);
        assertThat(idsAcrossWarehouses("contacts")).hasSize(30);
        assertThat(idsAcrossWarehouses("opportunities")).hasSize(5);
        for (String warehouse : List.of("cluj", "iasi")) {
            int own = asWarehouse("demo", warehouse, Scopes.READ).get("/v1/crm/accounts?count=true").path("total");
            int tenantWide = as("demo", Scopes.READ).get("/v1/crm/accounts?count=true").path("total");
            assertThat(own).as("%s sees its accounts and the tenant-wide ones", warehouse).isGreaterThan(tenantWide);
        }

        as("globex", Scopes.READ).get("/v1/crm/leads?count=true").then().statusCode(200).body("total", equalTo(4));
        Set<String> globexLeads = new HashSet<>(as("globex", Scopes.READ).get("/v1/crm/leads?limit=200").path("items.email"));
        assertThat(globexLeads).allSatisfy(email -> assertThat(email).endsWith("@globex-prospect.example"));
        as("demo", Scopes.READ).get("/v1/crm/leads?q=globex&count=true").then().body("total", equalTo(0));
    }

    @Test
    void theDemoDataContainsNoRealAddresses() {
        demoData.load();
        List<String> emails = as("demo", Scopes.READ).get("/v1/crm/leads?limit=200").path("items.email");
        emails.addAll(asWarehouse("demo", "cluj", Scopes.READ).get("/v1/crm/contacts?limit=200").path("items.email"));
        assertThat(emails).isNotEmpty().allSatisfy(email -> assertThat(email).endsWith(".example"));
    }

    private static Set<String> idsAcrossWarehouses(String collection) {
        Set<String> ids = new HashSet<>();
        for (String warehouse : new String[] {"cluj", "iasi"}) {
            ids.addAll(asWarehouse("demo", warehouse, Scopes.READ).get("/v1/crm/" + collection + "?limit=200")
                    .path("items.id"));
        }
        return ids;
    }
}
