package io.vettify.crm.contacts;

import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;
import static io.vettify.crm.testing.Json.with;
import static io.vettify.crm.testing.Json.without;
import static io.vettify.crm.testing.Problems.assertInvalid;
import static io.vettify.crm.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Fixtures;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContactApiTest {

    private static final String CONTACTS = "/v1/crm/contacts";
    private static final String PATCH_JSON = "application/merge-patch+json";

    private final String tenant = Api.newTenant();

    private Map<String, Object> valid() {
        return obj("firstName", "Ioana", "lastName", "Marinescu", "email", "ioana.marinescu@carpati.ro",
                "phone", "+40 721 000 111", "title", "CFO", "marketingConsent", true);
    }

    @Test
    void createsReadsReplacesPatchesAndDeletesAContact() {
        String accountId = Fixtures.account(tenant, "Carpați Software SRL", null);

        Response created = as(tenant).body(with(valid(), "accountId", accountId)).post(CONTACTS);
        created.then().statusCode(201)
                .body("firstName", equalTo("Ioana"))
                .body("lastName", equalTo("Marinescu"))
                .body("email", equalTo("ioana.marinescu@carpati.ro"))
                .body("phone", equalTo("+40 721 000 111"))
                .body("title", equalTo("CFO"))
                .body("accountId", equalTo(accountId))
                .body("marketingConsent", equalTo(true))
                .body("consentUpdatedAt", notNullValue())
                .body("whid", nullValue())
                .body("createdAt", notNullValue())
                .body("version", equalTo(0));
        String id = created.path("id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(created.header("Location")).endsWith(CONTACTS + "/" + id);

        as(tenant).get(created.header("Location")).then().statusCode(200)
                .body("id", equalTo(id)).body("lastName", equalTo("Marinescu")).body("accountId", equalTo(accountId));

        as(tenant).body(obj("lastName", "Popa", "email", "ioana.popa@carpati.ro", "version", 0))
                .put(CONTACTS + "/" + id)
                .then().statusCode(200)
                .body("lastName", equalTo("Popa"))
                .body("firstName", nullValue())
                .body("accountId", nullValue())
                .body("marketingConsent", equalTo(false))
                .body("version", equalTo(1));

        as(tenant).contentType(PATCH_JSON).body(obj("firstName", "Ioana", "title", "CEO", "version", 1))
                .patch(CONTACTS + "/" + id)
                .then().statusCode(200)
                .body("firstName", equalTo("Ioana"))
                .body("title", equalTo("CEO"))
                .body("lastName", equalTo("Popa"))
                .body("email", equalTo("ioana.popa@carpati.ro"))
                .body("version", equalTo(2));

        as(tenant).get(CONTACTS + "/" + id).then().statusCode(200)
                .body("title", equalTo("CEO")).body("version", equalTo(2));

        as(tenant).delete(CONTACTS + "/" + id).then().statusCode(204);
        assertProblem(as(tenant).get(CONTACTS + "/" + id), 404);
        assertProblem(as(tenant).delete(CONTACTS + "/" + id), 404);
    }

    @Test
    void patchClearsAFieldWithNullAndKeepsTheOthers() {
        String id = Fixtures.create(tenant, "contacts", valid());

        as(tenant).contentType(PATCH_JSON).body(obj("phone", null, "version", 0))
                .patch(CONTACTS + "/" + id)
                .then().statusCode(200)
                .body("phone", nullValue())
                .body("title", equalTo("CFO"))
                .body("email", equalTo("ioana.marinescu@carpati.ro"))
                .body("marketingConsent", equalTo(true));
    }

    @Test
    void recordsWhenTheMarketingConsentChanges() {
        String withoutConsent = Fixtures.create(tenant, "contacts", with(valid(), "marketingConsent", false));
        as(tenant).get(CONTACTS + "/" + withoutConsent).then().statusCode(200)
                .body("marketingConsent", equalTo(false)).body("consentUpdatedAt", nullValue());

        String consentGivenAt = as(tenant).contentType(PATCH_JSON).body(obj("marketingConsent", true, "version", 0))
                .patch(CONTACTS + "/" + withoutConsent)
                .then().statusCode(200).body("marketingConsent", equalTo(true))
                .extract().path("consentUpdatedAt");
        assertThat(consentGivenAt).isNotNull();

        String consentWithdrawnAt = as(tenant).contentType(PATCH_JSON).body(obj("marketingConsent", false, "version", 1))
                .patch(CONTACTS + "/" + withoutConsent)
                .then().statusCode(200).body("marketingConsent", equalTo(false))
                .extract().path("consentUpdatedAt");
        assertThat(consentWithdrawnAt).isNotNull();
        assertThat(Instant.parse(consentWithdrawnAt)).isAfter(Instant.parse(consentGivenAt));
    }

    @Test
    void ignoresReadOnlyFieldsInTheBody() {
        Response created = as(tenant)
                .body(with(valid(), "id", "00000000-0000-0000-0000-000000000001", "createdAt", "2001-01-01T00:00:00Z"))
                .post(CONTACTS);
        created.then().statusCode(201);
        assertThat(created.<String>path("id")).isNotEqualTo("00000000-0000-0000-0000-000000000001");
        assertThat(created.<String>path("createdAt")).doesNotStartWith("2001");
    }

    @Test
    void rejectsInvalidFieldsWith422NamingThem() {
        assertInvalid(as(tenant).body(without(valid(), "lastName")).post(CONTACTS), "lastName");
        assertInvalid(as(tenant).body(with(valid(), "lastName", "   ")).post(CONTACTS), "lastName");
        assertInvalid(as(tenant).body(with(valid(), "email", "not-an-email")).post(CONTACTS), "email");
        assertInvalid(as(tenant).body(with(valid(), "phone", "call me maybe")).post(CONTACTS), "phone");
        assertInvalid(as(tenant).body(with(valid(), "firstName", "x".repeat(101))).post(CONTACTS), "firstName");
        assertInvalid(as(tenant).body(with(valid(), "accountId", "not-a-uuid")).post(CONTACTS), "accountId");
        assertInvalid(as(tenant).body(with(valid(), "accountId", UUID.randomUUID().toString())).post(CONTACTS),
                "accountId");
        assertInvalid(as(tenant).body(with(valid(), "favouriteColour", "blue")).post(CONTACTS), "favouriteColour");
        assertInvalid(as(tenant).body(with(valid(), "marketingConsent", "perhaps")).post(CONTACTS),
                "marketingConsent");
        // a tenant-wide token cannot write a warehouse's row
        assertInvalid(as(tenant).body(with(valid(), "whid", "w1")).post(CONTACTS), "whid");

        Response twoErrors = as(tenant).body(with(without(valid(), "lastName"), "email", "nope")).post(CONTACTS);
        assertInvalid(twoErrors, "lastName", "email");

        as(tenant).get(CONTACTS + "?count=true").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void cannotLinkAnotherTenantsAccount() {
        String foreignAccount = Fixtures.account(Api.newTenant(), "Foreign SRL", null);
        assertInvalid(as(tenant).body(with(valid(), "accountId", foreignAccount)).post(CONTACTS), "accountId");
    }

    @Test
    void rejectsInvalidUpdates() {
        String id = Fixtures.create(tenant, "contacts", valid());
        assertInvalid(as(tenant).body(without(with(valid(), "lastName", ""), "version")).put(CONTACTS + "/" + id),
                "lastName");
        assertInvalid(as(tenant).body(with(valid(), "email", "bad", "version", 0)).put(CONTACTS + "/" + id), "email");
        assertInvalid(as(tenant).contentType(PATCH_JSON).body(obj("lastName", null, "version", 0))
                .patch(CONTACTS + "/" + id), "lastName");
        assertInvalid(as(tenant).contentType(PATCH_JSON).body(obj("nickname", "Io", "version", 0))
                .patch(CONTACTS + "/" + id), "nickname");
        as(tenant).get(CONTACTS + "/" + id).then().statusCode(200)
                .body("lastName", equalTo("Marinescu")).body("version", equalTo(0));
    }

    @Test
    void updatesNeedTheCurrentVersion() {
        String id = Fixtures.create(tenant, "contacts", valid());

        assertInvalid(as(tenant).body(valid()).put(CONTACTS + "/" + id), "version");
        assertInvalid(as(tenant).contentType(PATCH_JSON).body(obj("title", "CTO")).patch(CONTACTS + "/" + id),
                "version");

        as(tenant).body(with(valid(), "title", "COO", "version", 0)).put(CONTACTS + "/" + id)
                .then().statusCode(200).body("version", equalTo(1));

        assertProblem(as(tenant).body(with(valid(), "title", "CTO", "version", 0)).put(CONTACTS + "/" + id), 409);
        assertProblem(as(tenant).contentType(PATCH_JSON).body(obj("title", "CTO", "version", 0))
                .patch(CONTACTS + "/" + id), 409);
        assertProblem(as(tenant).body(with(valid(), "title", "CTO", "version", 7)).put(CONTACTS + "/" + id), 409);

        as(tenant).get(CONTACTS + "/" + id).then().statusCode(200)
                .body("title", equalTo("COO")).body("version", equalTo(1));
    }

    @Test
    void deletingTheAccountKeepsTheContactUnlinked() {
        String accountId = Fixtures.account(tenant, "Short Lived SRL", null);
        String id = Fixtures.create(tenant, "contacts", with(valid(), "accountId", accountId));

        as(tenant).delete("/v1/crm/accounts/" + accountId).then().statusCode(204);

        as(tenant).get(CONTACTS + "/" + id).then().statusCode(200).body("accountId", nullValue());
    }

    @Test
    void unknownContactsAre404() {
        String missing = CONTACTS + "/" + UUID.randomUUID();
        assertProblem(as(tenant).get(missing), 404);
        assertProblem(as(tenant).body(with(valid(), "version", 0)).put(missing), 404);
        assertProblem(as(tenant).contentType(PATCH_JSON).body(obj("title", "x", "version", 0)).patch(missing), 404);
        assertProblem(as(tenant).delete(missing), 404);
        as(tenant).get(CONTACTS).then().statusCode(200).body("items", empty())
                .body("nextCursor", nullValue()).header("Content-Type", startsWith("application/json"));
    }

    @Test
    void readOnlyTokensCannotWrite() {
        String id = Fixtures.create(tenant, "contacts", valid());
        String reader = Scopes.READ;
        assertProblem(as(tenant, reader).body(valid()).post(CONTACTS), 403);
        assertProblem(as(tenant, reader).body(with(valid(), "version", 0)).put(CONTACTS + "/" + id), 403);
        assertProblem(as(tenant, reader).contentType(PATCH_JSON).body(obj("title", "x", "version", 0))
                .patch(CONTACTS + "/" + id), 403);
        assertProblem(as(tenant, reader).delete(CONTACTS + "/" + id), 403);
        as(tenant, reader).get(CONTACTS + "/" + id).then().statusCode(200).body("version", equalTo(0))
                .body("id", equalTo(id));
    }
}
