package io.vettify.crm.campaigns;

import static io.restassured.RestAssured.given;
import static io.vettify.crm.campaigns.CampaignSends.MARKETING;
import static io.vettify.crm.campaigns.CampaignSends.awaitStatus;
import static io.vettify.crm.campaigns.CampaignSends.campaign;
import static io.vettify.crm.campaigns.CampaignSends.lead;
import static io.vettify.crm.campaigns.CampaignSends.recipients;
import static io.vettify.crm.campaigns.CampaignSends.send;
import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;
import static io.vettify.crm.testing.Problems.assertInvalid;
import static io.vettify.crm.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vettify.crm.testing.Api;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The e-mail provider's webhook: signed events update a sent campaign's recipients and metrics, once each; anything
 * not signed with the tenant's key, or signed too long ago, is 401 and changes nothing.
 */
@QuarkusTest
class EmailWebhookTest {

    /** The test profile's development key (application.properties), refused outside dev and test. */
    private static final String KEY = "dev-only-webhook-signing-key-not-for-production";
    private static final String WEBHOOK = "/v1/crm/webhooks/email";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tenant = Api.newTenant();
    private String campaign;
    private Map<String, String> messageIds;

    @BeforeEach
    void aSentCampaign() {
        lead(tenant, "Ana", "ana@webhook.example", "WEB", true);
        lead(tenant, "Ion", "ion@webhook.example", "WEB", true);
        campaign = campaign(tenant, "Webhook", "<p>Hello</p>", obj());
        send(tenant, campaign);
        awaitStatus(tenant, campaign, "SENT");
        messageIds = new java.util.HashMap<>();
        for (Map<String, Object> r : recipients(tenant, campaign)) {
            messageIds.put((String) r.get("email"), (String) r.get("provider_message_id"));
        }
    }

    @Test
    void signedEventsUpdateTheMetricsAndARepeatedEventCountsOnce() {
        String ana = messageIds.get("ana@webhook.example");
        String ion = messageIds.get("ion@webhook.example");
        signed(event("delivered", ana)).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        signed(event("delivered", ana)).then().statusCode(200).body("outcome", equalTo("UNCHANGED"));
        signed(event("opened", ana)).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        signed(event("opened", ana)).then().statusCode(200).body("outcome", equalTo("UNCHANGED"));
        signed(event("clicked", ana)).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        signed(event("bounced", ion)).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        signed(event("bounced", ion)).then().statusCode(200).body("outcome", equalTo("UNCHANGED"));
        signed(event("delivered", ion)).then().statusCode(200).body("outcome", equalTo("UNCHANGED"));

        as(tenant, MARKETING).get("/v1/crm/campaigns/" + campaign + "/metrics").then().statusCode(200)
                .body("recipients", equalTo(2)).body("sent", equalTo(2)).body("delivered", equalTo(1))
                .body("bounced", equalTo(1)).body("opened", equalTo(1)).body("clicked", equalTo(1));
        assertThat(recipients(tenant, campaign)).extracting(r -> r.get("status")).containsExactly("DELIVERED",
                "BOUNCED");
    }

    @Test
    void aBounceAfterDeliveryMovesTheRecipientFromDeliveredToBounced() {
        String ana = messageIds.get("ana@webhook.example");
        signed(event("delivered", ana)).then().statusCode(200);
        signed(event("bounced", ana)).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        as(tenant, MARKETING).get("/v1/crm/campaigns/" + campaign + "/metrics").then()
                .body("delivered", equalTo(0)).body("bounced", equalTo(1));
    }

    @Test
    void aBadMissingOrStaleSignatureIs401AndChangesNothing() {
        String body = event("delivered", messageIds.get("ana@webhook.example"));
        long now = Instant.now().getEpochSecond();

        unauthorized(request().body(body));
        unauthorized(request().header("X-Vettify-Timestamp", now).body(body));
        unauthorized(request().header("X-Vettify-Timestamp", now)
                .header("X-Vettify-Signature", sign("another-key-of-at-least-32-characters!!", now, body)).body(body));
        unauthorized(request().header("X-Vettify-Timestamp", now)
                .header("X-Vettify-Signature", sign(KEY, now, body)).body(body.replace("delivered", "bounced")));
        unauthorized(request().header("X-Vettify-Timestamp", now)
                .header("X-Vettify-Signature", "sha256=zz" + sign(KEY, now, body).substring(9)).body(body));
        // A replay: a correct signature made ten minutes ago.
        long stale = now - 600;
        unauthorized(request().header("X-Vettify-Timestamp", stale)
                .header("X-Vettify-Signature", sign(KEY, stale, body)).body(body));
        unauthorized(request().header("X-Vettify-Timestamp", now + 600)
                .header("X-Vettify-Signature", sign(KEY, now + 600, body)).body(body));
        // A correct signature over another timestamp than the one sent.
        unauthorized(request().header("X-Vettify-Timestamp", now)
                .header("X-Vettify-Signature", sign(KEY, now - 1, body)).body(body));

        as(tenant, MARKETING).get("/v1/crm/campaigns/" + campaign + "/metrics").then()
                .body("delivered", equalTo(0)).body("bounced", equalTo(0));
        assertThat(recipients(tenant, campaign)).extracting(r -> r.get("status")).containsOnly("SENT");
    }

    @Test
    void signedButUnusableEventsAreProblemsNotErrors() {
        assertProblem(signed(event("delivered", "no-such-message")), 404);
        assertInvalid(signed(event("unsubscribed", messageIds.get("ana@webhook.example"))), "type");
        assertInvalid(signed("{\"tid\":\"" + tenant + "\",\"type\":\"delivered\"}"), "messageId");
        assertInvalid(signed("{\"type\":\"delivered\",\"messageId\":\"m\"}"), "tid");
        assertProblem(signed("{not json"), 400);
        // Another tenant's signed event cannot reach this tenant's messages (row-level security): 404.
        assertProblem(signed(json(Map.of("tid", Api.newTenant(), "type", "delivered",
                "messageId", messageIds.get("ana@webhook.example")))), 404);
        as(tenant, MARKETING).get("/v1/crm/campaigns/" + campaign + "/metrics").then().body("delivered", equalTo(0));
    }

    private String event(String type, String messageId) {
        return json(Map.of("tid", tenant, "type", type, "messageId", messageId,
                "occurredAt", Instant.now().toString()));
    }

    private static Response signed(String body) {
        long now = Instant.now().getEpochSecond();
        return request().header("X-Vettify-Timestamp", now).header("X-Vettify-Signature", sign(KEY, now, body))
                .body(body).post(WEBHOOK);
    }

    private static RequestSpecification request() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static void unauthorized(RequestSpecification request) {
        assertProblem(request.post(WEBHOOK), 401);
    }

    /** The provider's side of the contract, computed independently of the runtime's code. */
    private static String sign(String key, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
