package io.vettify.crm.common.api;

import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;
import static io.vettify.crm.testing.Problems.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Cuis;
import io.vettify.crm.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Text search ({@code q=}) and filters of the lists (PRODUCT.md §5). */
@QuarkusTest
class SearchAndFilterTest {

    private final String tenant = Api.newTenant();

    /** The ids a list answers for these query parameters (all on one page). */
    private List<String> ids(String collection, Object... parameters) {
        var request = as(tenant).queryParam("limit", 200);
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam((String) parameters[i], parameters[i + 1]);
        }
        return request.get("/v1/crm/" + collection).then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class);
    }

    @Test
    void leadsAreSearchedByNameEmailAndCompanyIgnoringCase() {
        String ana = Fixtures.lead(tenant, obj("firstName", "Ana", "lastName", "Popescu",
                "email", "ana.popescu@acme.ro", "company", "Acme Industries", "source", "WEB"));
        String ion = Fixtures.lead(tenant, obj("firstName", "Ion", "lastName", "Ionescu",
                "email", "ion@beta-logistic.ro", "company", "Beta Logistic", "source", "REFERRAL"));
        String maria = Fixtures.lead(tenant, obj("firstName", "Maria", "lastName", "Pop",
                "email", "maria.pop@gmail.com", "company", "ACMEtech", "source", "EVENT", "cui", Cuis.DELTA));

        assertThat(ids("leads", "q", "acme")).containsExactlyInAnyOrder(ana, maria);
        assertThat(ids("leads", "q", "ACME")).containsExactlyInAnyOrder(ana, maria);
        assertThat(ids("leads", "q", "POPESCU")).containsExactly(ana);
        assertThat(ids("leads", "q", "pop")).containsExactlyInAnyOrder(ana, maria);
        assertThat(ids("leads", "q", "Beta")).containsExactly(ion);
        assertThat(ids("leads", "q", "GMAIL.com")).containsExactly(maria);
        assertThat(ids("leads", "q", "ionesc")).containsExactly(ion);
        assertThat(ids("leads", "q", "  ana  ")).containsExactly(ana);
        assertThat(ids("leads", "q", "tech")).containsExactly(maria);
        assertThat(ids("leads", "q", "nobody")).isEmpty();
        assertThat(ids("leads", "q", "")).containsExactlyInAnyOrder(ana, ion, maria);
        // LIKE wildcards are searched for literally
        assertThat(ids("leads", "q", "%")).isEmpty();
        assertThat(ids("leads", "q", "_")).isEmpty();
        assertThat(ids("leads", "q", "a%o")).isEmpty();
        as(tenant).queryParam("q", "acme").queryParam("count", true).get("/v1/crm/leads")
                .then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void leadsAreFilteredByStatusAndSource() {
        String web = Fixtures.lead(tenant, obj("email", "web@acme.ro", "company", "Acme", "source", "WEB"));
        String referral = Fixtures.lead(tenant, obj("email", "ref@acme.ro", "company", "Acme", "source", "REFERRAL"));
        String event = Fixtures.lead(tenant, obj("email", "event@beta.ro", "source", "EVENT", "status", "CONTACTED"));
        as(tenant).post("/v1/crm/leads/" + referral + "/qualify").then().statusCode(200);

        assertThat(ids("leads", "status", "NEW")).containsExactly(web);
        assertThat(ids("leads", "status", "QUALIFIED")).containsExactly(referral);
        assertThat(ids("leads", "status", "CONTACTED")).containsExactly(event);
        assertThat(ids("leads", "status", "CONVERTED")).isEmpty();
        assertThat(ids("leads", "source", "WEB")).containsExactly(web);
        assertThat(ids("leads", "source", "EVENT")).containsExactly(event);
        assertThat(ids("leads", "source", "SOCIAL")).isEmpty();
        assertThat(ids("leads", "q", "acme", "status", "QUALIFIED")).containsExactly(referral);
        assertThat(ids("leads", "q", "acme", "source", "WEB", "status", "NEW")).containsExactly(web);
        assertThat(ids("leads", "q", "beta", "source", "WEB")).isEmpty();

        assertInvalid(as(tenant).queryParam("status", "BOGUS").get("/v1/crm/leads"), "status");
        assertInvalid(as(tenant).queryParam("source", "BILLBOARD").get("/v1/crm/leads"), "source");
    }

    @Test
    void opportunitiesAreFilteredByStageAndAccount() {
        String acme = Fixtures.account(tenant, "Acme SRL", null);
        String beta = Fixtures.account(tenant, "Beta SRL", null);
        String contact = Fixtures.contact(tenant, "Ana", "Popescu", "ana@acme.ro", acme);
        String acmeProspect = Fixtures.opportunity(tenant, "Acme licences", acme, "PROSPECTING");
        String acmeProposal = Fixtures.create(tenant, "opportunities",
                obj("name", "Acme support", "accountId", acme, "contactId", contact, "stage", "PROPOSAL"));
        String betaProposal = Fixtures.opportunity(tenant, "Beta fleet tracking", beta, "PROPOSAL");
        String betaWon = Fixtures.opportunity(tenant, "Beta FLEET renewal", beta, "CLOSED_WON");

        assertThat(ids("opportunities", "stage", "PROPOSAL")).containsExactlyInAnyOrder(acmeProposal, betaProposal);
        assertThat(ids("opportunities", "stage", "CLOSED_WON")).containsExactly(betaWon);
        assertThat(ids("opportunities", "stage", "NEGOTIATION")).isEmpty();
        assertThat(ids("opportunities", "accountId", acme)).containsExactlyInAnyOrder(acmeProspect, acmeProposal);
        assertThat(ids("opportunities", "accountId", beta, "stage", "PROPOSAL")).containsExactly(betaProposal);
        assertThat(ids("opportunities", "accountId", UUID.randomUUID().toString())).isEmpty();
        assertThat(ids("opportunities", "contactId", contact)).containsExactly(acmeProposal);
        assertThat(ids("opportunities", "q", "fleet")).containsExactlyInAnyOrder(betaProposal, betaWon);
        assertThat(ids("opportunities", "q", "FLEET", "stage", "PROPOSAL")).containsExactly(betaProposal);

        assertInvalid(as(tenant).queryParam("accountId", "not-a-uuid").get("/v1/crm/opportunities"), "accountId");
        assertInvalid(as(tenant).queryParam("contactId", "42").get("/v1/crm/opportunities"), "contactId");
        assertInvalid(as(tenant).queryParam("stage", "BOGUS").get("/v1/crm/opportunities"), "stage");
        assertInvalid(as(tenant).queryParam("stage", "WON").queryParam("accountId", "x").get("/v1/crm/opportunities"));
    }

    @Test
    void contactsAreSearchedAndFilteredByAccountAndConsent() {
        String acme = Fixtures.account(tenant, "Acme SRL", null);
        String ana = Fixtures.contact(tenant, "Ana", "Popescu", "ana@acme.ro", acme);
        String ion = Fixtures.create(tenant, "contacts", obj("firstName", "Ion", "lastName", "Ionescu",
                "email", "ion@beta.ro", "title", "Head of Procurement", "marketingConsent", true));

        assertThat(ids("contacts", "q", "POPESCU")).containsExactly(ana);
        assertThat(ids("contacts", "q", "beta.RO")).containsExactly(ion);
        assertThat(ids("contacts", "q", "procurement")).containsExactly(ion);
        assertThat(ids("contacts", "q", "ana")).containsExactly(ana);
        assertThat(ids("contacts", "accountId", acme)).containsExactly(ana);
        assertThat(ids("contacts", "marketingConsent", true)).containsExactly(ion);
        assertThat(ids("contacts", "marketingConsent", false)).containsExactly(ana);

        assertInvalid(as(tenant).queryParam("accountId", "acme").get("/v1/crm/contacts"), "accountId");
        assertInvalid(as(tenant).queryParam("marketingConsent", "maybe").get("/v1/crm/contacts"), "marketingConsent");
    }

    @Test
    void accountsAreSearchedByNameAndFiscalCode() {
        String carpati = Fixtures.account(tenant, "Carpati Software SRL", Cuis.CARPATI);
        String delta = Fixtures.create(tenant, "accounts",
                obj("name", "Delta Logistic SRL", "cui", Cuis.DELTA, "industry", "logistics"));

        assertThat(ids("accounts", "q", "CARPATI")).containsExactly(carpati);
        assertThat(ids("accounts", "q", "srl")).containsExactlyInAnyOrder(carpati, delta);
        assertThat(ids("accounts", "q", Cuis.DELTA.substring(0, 5))).containsExactly(delta);
        assertThat(ids("accounts", "industry", "logistics")).containsExactly(delta);
        String unverified = Fixtures.account(tenant, "Fara Cod SRL", null);
        assertThat(ids("accounts", "complianceStatus", "UNVERIFIED")).containsExactly(unverified);
        assertThat(ids("accounts", "complianceStatus", "INACTIVE")).isEmpty();

        assertInvalid(as(tenant).queryParam("complianceStatus", "BOGUS").get("/v1/crm/accounts"), "complianceStatus");
    }

    @Test
    void campaignsAreSearchedByNameAndSubject() {
        Map<String, Object> audience = obj("statuses", List.of("NEW"));
        String spring = Fixtures.create(tenant, "campaigns", obj("name", "Spring offer", "subject", "20% off",
                "bodyHtml", "<p>Hi</p>", "audience", audience));
        String webinar = Fixtures.create(tenant, "campaigns", obj("name", "Webinar", "subject", "Join our SPRING webinar",
                "bodyHtml", "<p>Hi</p>", "audience", audience));

        assertThat(ids("campaigns", "q", "spring")).containsExactlyInAnyOrder(spring, webinar);
        assertThat(ids("campaigns", "q", "WEBINAR")).containsExactly(webinar);
        assertThat(ids("campaigns", "q", "20%")).containsExactly(spring);
    }

    @Test
    void searchesNeverCrossTenants() {
        Fixtures.lead(tenant, obj("email", "shared@acme.ro", "company", "Acme"));
        String other = Api.newTenant();
        String theirs = Fixtures.lead(other, obj("email", "shared@acme.ro", "company", "Acme"));

        as(other).queryParam("q", "acme").get("/v1/crm/leads").then().statusCode(200)
                .body("items.id", contains(theirs));
        assertThat(ids("leads", "q", "acme")).hasSize(1).doesNotContain(theirs);
    }
}
