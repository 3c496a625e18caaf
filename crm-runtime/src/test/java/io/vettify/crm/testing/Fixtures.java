package io.vettify.crm.testing;

import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;

import java.util.Map;

/** Creates rows through the API (never behind its back) and returns their ids. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String create(String tenant, String collection, Map<String, Object> body) {
        return as(tenant).body(body).post("/v1/crm/" + collection)
                .then().statusCode(201).extract().path("id");
    }

    public static String account(String tenant, String name, String cui) {
        return create(tenant, "accounts", obj("name", name, "cui", cui));
    }

    public static String contact(String tenant, String firstName, String lastName, String email, String accountId) {
        return create(tenant, "contacts",
                obj("firstName", firstName, "lastName", lastName, "email", email, "accountId", accountId));
    }

    public static String lead(String tenant, Map<String, Object> body) {
        return create(tenant, "leads", body);
    }

    public static String opportunity(String tenant, String name, String accountId) {
        return create(tenant, "opportunities", obj("name", name, "accountId", accountId));
    }

    public static String opportunity(String tenant, String name, String accountId, String stage) {
        return create(tenant, "opportunities", obj("name", name, "accountId", accountId, "stage", stage));
    }
}
