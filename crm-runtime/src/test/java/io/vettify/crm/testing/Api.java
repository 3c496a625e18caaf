package io.vettify.crm.testing;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vettify.crm.security.Scopes;
import java.util.Locale;
import java.util.UUID;

/** Requests as a given tenant, warehouse and scopes. Each test class works in tenants of its own. */
@QuarkusTestResource(LocalServicesResource.class)
@QuarkusTestResource(ObjectStorageResource.class)
public final class Api {

    public static final String[] ALL_SCOPES = {Scopes.READ, Scopes.WRITE, Scopes.CAMPAIGNS, Scopes.ADMIN};

    private Api() {
    }

    /** A tenant id no other test uses. */
    public static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 12).toLowerCase(Locale.ROOT);
    }

    public static RequestSpecification as(String tid, String... scopes) {
        return asWarehouse(tid, null, scopes);
    }

    public static RequestSpecification asWarehouse(String tid, String whid, String... scopes) {
        return given().auth().oauth2(TestTokens.token(tid, whid, scopes.length == 0 ? ALL_SCOPES : scopes))
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
