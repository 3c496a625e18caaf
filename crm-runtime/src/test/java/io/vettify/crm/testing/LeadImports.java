package io.vettify.crm.testing;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vettify.crm.security.Scopes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Uploads to {@code POST /v1/crm/leads/import} as multipart/form-data, the way a browser or curl sends them. */
public final class LeadImports {

    public static final String IMPORT = "/v1/crm/leads/import";
    public static final String IMPORTS = "/v1/crm/leads/imports/";

    private LeadImports() {
    }

    /** An import request of an admin of {@code tenant} (optionally of a warehouse) with a CSV file part. */
    public static RequestSpecification upload(String tenant, String whid, byte[] csv, String contentType) {
        return given().auth().oauth2(TestTokens.token(tenant, whid, Scopes.READ, Scopes.ADMIN))
                .multiPart("file", "leads.csv", csv, contentType);
    }

    /** For uploads of 100 000 rows on a busy machine: the default test timeout (30 s) is too short. */
    public static RequestSpecification patiently(RequestSpecification request) {
        return request.config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", (int) Duration.ofMinutes(10).toMillis())));
    }

    public static Response preview(String tenant, String csv, String mapping) {
        return withMapping(upload(tenant, null, bytes(csv), "text/csv"), mapping).queryParam("dryRun", true)
                .post(IMPORT);
    }

    public static Response commit(String tenant, String csv, String mapping) {
        return commit(tenant, null, csv, mapping);
    }

    public static Response commit(String tenant, String whid, String csv, String mapping) {
        return withMapping(upload(tenant, whid, bytes(csv), "text/csv"), mapping).post(IMPORT);
    }

    public static RequestSpecification withMapping(RequestSpecification request, String mapping) {
        return mapping == null ? request : request.multiPart("mapping", mapping, "application/json");
    }

    public static byte[] bytes(String csv) {
        return csv.getBytes(StandardCharsets.UTF_8);
    }
}
