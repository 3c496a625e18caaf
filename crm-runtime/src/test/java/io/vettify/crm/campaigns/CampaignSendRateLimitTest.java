package io.vettify.crm.campaigns;

import static io.vettify.crm.campaigns.CampaignSends.MARKETING;
import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;
import static io.vettify.crm.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vettify.crm.common.api.ProblemException;
import io.vettify.crm.security.RateLimiter;
import io.vettify.crm.testing.Api;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The send route allows 10 requests per second per user: a token bucket in the real Redis. Past it, 429 with
 * Retry-After. (The bucket refills a token every 100 ms, so the tests drain it right before they look.)
 */
@QuarkusTest
class CampaignSendRateLimitTest {

    private static final String ROUTE = "campaign-send";
    private static final int RATE = 10;

    @Inject
    RateLimiter limiter;

    @Test
    void aBucketLetsTenThroughAtOnceThenWhatRefillsAtTenPerSecond() {
        String caller = "bucket-" + UUID.randomUUID();
        int allowed = 0;
        ProblemException refusal = null;
        long started = System.nanoTime();
        for (int i = 0; i < 200 && refusal == null; i++) {
            try {
                limiter.acquire(ROUTE, caller, RATE);
                allowed++;
            } catch (ProblemException e) {
                refusal = e;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(refusal).as("refused within 200 calls").isNotNull();
        assertThat(refusal.problem().status()).isEqualTo(429);
        assertThat(refusal.retryAfter()).hasValueSatisfying(wait -> assertThat(wait)
                .isPositive().isLessThanOrEqualTo(Duration.ofMillis(100)));
        assertThat(allowed).isBetween(RATE, RATE + (int) Math.ceil(seconds * RATE) + 1);
        // Another caller has a bucket of its own.
        limiter.acquire(ROUTE, "other-" + caller, RATE);
    }

    @Test
    void theSendRouteAnswers429ProblemWithRetryAfterPerUser() {
        String tenant = Api.newTenant();
        // The route's caller key: the token's subject within its tenant (TestTokens: "user-of-<tid>").
        String caller = tenant + ":user-of-" + tenant;
        // A campaign that does not exist: an allowed send is a cheap 404 and nothing is ever sent.
        String send = "/v1/crm/campaigns/" + UUID.randomUUID() + "/send";
        AtomicReference<Response> limited = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
            drain(caller);
            Response answer = as(tenant, MARKETING).body(obj("confirm", true)).post(send);
            assertThat(answer.statusCode()).isIn(404, 429);
            limited.set(answer);
            return answer.statusCode() == 429;
        });
        assertProblem(limited.get(), 429);
        assertThat(Integer.parseInt(limited.get().header("Retry-After"))).isEqualTo(1);

        // Another user is not limited by this one's bucket.
        drain(caller);
        assertProblem(as(Api.newTenant(), MARKETING).body(obj("confirm", true)).post(send), 404);
        // And the limited user gets tokens back as time passes.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(tenant, MARKETING).body(obj("confirm", true)).post(send).statusCode() == 404);
    }

    private void drain(String caller) {
        try {
            for (int i = 0; i < 200; i++) {
                limiter.acquire(ROUTE, caller, RATE);
            }
        } catch (ProblemException empty) {
            return;
        }
        throw new AssertionError("the bucket of " + caller + " never ran empty");
    }
}
