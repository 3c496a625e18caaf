package io.vettify.crm.workers;

import static io.vettify.crm.testing.Api.as;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;

/** Reads a worker job through the API, as its tenant would. */
final class Jobs {

    static final Duration WAIT = Duration.ofSeconds(30);

    private Jobs() {
    }

    static JsonPath get(String tenant, UUID id) {
        return as(tenant).get("/v1/crm/jobs/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The job once it is no longer PENDING. */
    static JsonPath settled(String tenant, UUID id) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> get(tenant, id), job -> !"PENDING".equals(job.getString("status")));
    }
}
