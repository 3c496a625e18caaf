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

        // Tenants demo and globex are also the Keycloak demo users' tenants, in which the Keycloak and browser tests
        // add rows of their own: the seeded rows are checked by their ids.
        assertSeeded("demo", "leads", "lead", 40);
        assertSeeded("demo", "campaigns", "campaign", 2);
        assertSeeded("demo", "accounts", "account", 10);
        assertSeeded("demo", "contacts", "contact", 30);
        assertSeeded("demo", "opportunities", "opportunity", 5);
        int demoLeads = as("demo", Scopes.READ).get("/v1/crm/leads?count=true").path("total");
        assertThat(demoLeads).as("a tenant-wide token sees every (tenant-wide) lead").isGreaterThanOrEqualTo(40);
        for (String warehouse : List.of("cluj", "iasi")) {
            int own = asWarehouse("demo", warehouse, Scopes.READ).get("/v1/crm/accounts?count=true").path("total");
            int tenantWide = as("demo", Scopes.READ).get("/v1/crm/accounts?count=true").path("total");
            assertThat(own).as("%s sees its accounts and the tenant-wide ones", warehouse).isGreaterThan(tenantWide);
        }

        assertSeeded("globex", "leads", "lead", 4);
        for (int l = 0; l < 40; l++) {
            as("globex", Scopes.READ).get("/v1/crm/leads/" + DemoData.id("demo", "lead", l)).then().statusCode(404);
        }
        for (int l = 0; l < 4; l++) {
            as("demo", Scopes.READ).get("/v1/crm/leads/" + DemoData.id("globex", "lead", l)).then().statusCode(404);
        }
        as("demo", Scopes.READ).get("/v1/crm/leads?q=globex&count=true").then().body("total", equalTo(0));
    }

    @Test
    void theDemoDataContainsNoRealAddresses() {
        demoData.load();
        List<String> emails = as("demo", Scopes.READ).get("/v1/crm/leads?limit=200").path("items.email");
        emails.addAll(asWarehouse("demo", "cluj", Scopes.READ).get("/v1/crm/contacts?limit=200").path("items.email"));
        assertThat(emails).isNotEmpty().allSatisfy(email -> assertThat(email).endsWith(".example"));
    }

    /** Each seeded row of a tenant is there, seen by the tenant-wide token or by the warehouse it belongs to. */
    private static void assertSeeded(String tenant, String collection, String kind, int count) {
        for (int i = 0; i < count; i++) {
            String path = "/v1/crm/" + collection + "/" + DemoData.id(tenant, kind, i);
            Set<Integer> statuses = new HashSet<>();
            statuses.add(as(tenant, Scopes.READ).get(path).statusCode());
            for (String warehouse : new String[] {"cluj", "iasi"}) {
                statuses.add(asWarehouse(tenant, warehouse, Scopes.READ).get(path).statusCode());
            }
            assertThat(statuses).as("%s %s #%d seen by its tenant", tenant, kind, i).contains(200);
        }
    }
}
