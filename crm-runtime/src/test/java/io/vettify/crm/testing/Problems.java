package io.vettify.crm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;

/** Assertions on RFC 9457 problem+json answers (PRODUCT.md §5). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** What an error body must never show: stack traces, exception names, SQL. */
    private static final List<String> LEAKS = List.of("Exception", "at io.", "SQL", "select ", "org.hibernate");

    private Problems() {
    }

    /** Asserts a problem+json answer with this status and the mandatory fields; returns its body. */
    public static JsonPath assertProblem(Response response, int status) {
        String body = response.asString();
        assertThat(response.statusCode()).as("status of an answer with body %s", body).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", body).startsWith(MEDIA_TYPE);
        assertNoLeak(body);
        JsonPath json = new JsonPath(body);
        assertThat(json.getString("type")).as("type of %s", body).isNotBlank();
        assertThat(json.getString("title")).as("title of %s", body).isNotBlank();
        assertThat(json.getInt("status")).as("status field of %s", body).isEqualTo(status);
        return json;
    }

    /** Asserts a 422 problem whose {@code errors[].field} name at least the given fields. */
    public static JsonPath assertInvalid(Response response, String... fields) {
        JsonPath json = assertProblem(response, 422);
        List<String> named = json.getList("errors.field", String.class);
        assertThat(named).as("errors[].field of %s", response.asString()).isNotEmpty();
        if (fields.length > 0) {
            assertThat(named).as("errors[].field of %s", response.asString()).contains(fields);
        }
        assertThat(json.getList("errors.message", String.class)).as("errors[].message of %s", response.asString())
                .allSatisfy(message -> assertThat(message).isNotBlank());
        return json;
    }

    /** Asserts that an error body shows no stack trace, exception class or SQL. */
    public static void assertNoLeak(String body) {
        for (String leak : LEAKS) {
            assertThat(body).as("an error body must not leak internals").doesNotContainIgnoringCase(leak);
        }
    }
}
