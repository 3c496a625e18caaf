package io.vettify.crm.workers;

import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Fixtures;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ai.summary on leads and opportunities (202 + job), and the churn-risk bucket that follows an account's activity. */
@QuarkusTest
class SummaryAndChurnTest {

    private final String tenant = Api.newTenant();

    @Inject
    RedisDataSource redis;

    @Test
    void aLeadsSummaryIsAJobWhoseResultIsTheSummary() {
        String lead = Fixtures.lead(tenant, obj("firstName", "Ana", "lastName", "Pop", "email", "ana@summary.example",
                "company", "Exemplu SRL"));
        Response accepted = as(tenant).body(Map.of("maxSentences", 2, "notes", List.of(
                "Ana called about the pricing of the enterprise plan. The weather was rainy.",
                "Ana confirmed the enterprise plan budget for forty seats. Lunch was fine.")))
                .post("/v1/crm/leads/" + lead + "/summary");
        accepted.then().statusCode(202).body("worker", equalTo("ai.summary")).body("status", equalTo("PENDING"))
                .body("subjectType", equalTo("lead")).body("subjectId", equalTo(lead));
        String job = accepted.path("id");
        accepted.then().header("Location", endsWith("/v1/crm/jobs/" + job));

        JsonPath done = Jobs.settled(tenant, UUID.fromString(job));
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getList("result.sentences")).hasSize(2);
        assertThat(done.getString("result.summary")).contains("enterprise plan").doesNotContain("weather");
    }

    @Test
    void anOpportunitysSummaryCoversItsAccountsTimeline() {
        String account = Fixtures.account(tenant, "Timeline SRL", null);
        String opportunity = Fixtures.create(tenant, "opportunities", obj("name", "Fleet renewal", "accountId", account,
                "amount", 1000));
        as(tenant).body(Map.of("stage", "PROPOSAL")).post("/v1/crm/opportunities/" + opportunity + "/stage")
                .then().statusCode(200);

        String job = as(tenant).post("/v1/crm/opportunities/" + opportunity + "/summary")
                .then().statusCode(202).extract().path("id");

        JsonPath done = Jobs.settled(tenant, UUID.fromString(job));
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getInt("result.sourceSentences")).isGreaterThanOrEqualTo(2);
        assertThat(done.getString("result.summary")).isNotBlank();
    }

    @Test
    void summariesNeedTheWriteScopeAndAVisibleSubject() {
        String lead = Fixtures.lead(tenant, obj("email", "scope@summary.example"));
        as(tenant, Scopes.READ).post("/v1/crm/leads/" + lead + "/summary").then().statusCode(403);
        as(Api.newTenant()).post("/v1/crm/leads/" + lead + "/summary").then().statusCode(404)
                .contentType("application/problem+json");
        as(tenant).body(Map.of("maxSentences", 11)).post("/v1/crm/leads/" + lead + "/summary").then().statusCode(422);
    }

    @Test
    void theChurnBucketFollowsTheAccountsActivity() {
        String losing = Fixtures.account(tenant, "Losing SRL", null);
        String winning = Fixtures.account(tenant, "Winning SRL", null);
        for (int i = 0; i < 3; i++) {
            close(losing, "Lost deal " + i, "CLOSED_LOST");
        }
        close(winning, "Won deal", "CLOSED_WON");

        JsonPath lost = await().atMost(Jobs.WAIT).until(() -> as(tenant).get("/v1/crm/accounts/" + losing).jsonPath(),
                a -> "HIGH".equals(a.getString("churnRisk")));
        assertThat(lost.getDouble("churnScore")).isGreaterThanOrEqualTo(0.66);
        JsonPath won = await().atMost(Jobs.WAIT).until(() -> as(tenant).get("/v1/crm/accounts/" + winning).jsonPath(),
                a -> a.getString("churnRisk") != null);
        assertThat(won.getString("churnRisk")).isEqualTo("LOW");

        HashCommands<String, String, String> features = redis.hash(String.class);
        assertThat(features.hgetall("churn:" + tenant + ":" + losing))
                .containsEntry("closedLost", "3").doesNotContainKey("closedWon").containsKey("lastActivityAt");
        assertThat(features.hgetall("churn:" + tenant + ":" + winning))
                .containsEntry("closedWon", "1").doesNotContainKey("closedLost");
    }

    private void close(String account, String name, String stage) {
        String opportunity = Fixtures.create(tenant, "opportunities", obj("name", name, "accountId", account));
        as(tenant).body(Map.of("stage", stage)).post("/v1/crm/opportunities/" + opportunity + "/stage")
                .then().statusCode(200);
    }
}
