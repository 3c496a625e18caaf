package io.vettify.crm.campaigns;

import static io.vettify.crm.campaigns.CampaignSends.MARKETING;
import static io.vettify.crm.campaigns.CampaignSends.awaitStatus;
import static io.vettify.crm.campaigns.CampaignSends.batches;
import static io.vettify.crm.campaigns.CampaignSends.campaign;
import static io.vettify.crm.campaigns.CampaignSends.lead;
import static io.vettify.crm.campaigns.CampaignSends.send;
import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vettify.crm.testing.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the flag campaign_send_v2 on, each recipient gets the e-mail with their own first name; recipients whose
 * rendered e-mail is the same share a batch. (CampaignSendTest covers the flag off: the campaign as written.)
 */
@QuarkusTest
@TestProfile(CampaignSendV2Test.SendV2On.class)
class CampaignSendV2Test {

    public static class SendV2On implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vettify.features.campaign-send-v2", "true");
        }
    }

    private final String tenant = Api.newTenant();

    @Test
    void eachRecipientGetsTheirFirstNameAndEqualEmailsShareABatch() {
        lead(tenant, "Ana", "ana@v2.example", "WEB", true);
        lead(tenant, "Ion", "ion@v2.example", "WEB", true);
        lead(tenant, "Ana", "ana.maria@v2.example", "WEB", true);
        lead(tenant, "<b>Bold</b>", "bold@v2.example", "WEB", true);
        String campaign = campaign(tenant, "Hi {{firstName}}", "<p>Hello {{firstName}}</p>", obj());
        send(tenant, campaign);

        List<Map<String, Object>> batches = batches(tenant, campaign);
        assertThat(batches).hasSize(3);
        Map<String, List<String>> recipientsBySubject = new java.util.HashMap<>();
        for (Map<String, Object> batch : batches) {
            JsonPath request = JsonPath.from((String) batch.get("request"));
            String name = request.getString("subject").substring("Hi ".length());
            recipientsBySubject.put(name, request.getList("recipients.email", String.class));
            assertThat(request.getString("bodyHtml")).isEqualTo("<p>Hello "
                    + (name.equals("<b>Bold</b>") ? "&lt;b&gt;Bold&lt;/b&gt;" : name) + "</p>");
        }
        assertThat(recipientsBySubject).containsOnlyKeys("Ana", "Ion", "<b>Bold</b>");
        assertThat(recipientsBySubject.get("Ana")).containsExactlyInAnyOrder("ana@v2.example", "ana.maria@v2.example");
        assertThat(recipientsBySubject.get("Ion")).containsExactly("ion@v2.example");

        awaitStatus(tenant, campaign, "SENT");
        as(tenant, MARKETING).get("/v1/crm/campaigns/" + campaign + "/metrics").then()
                .body("recipients", equalTo(4)).body("sent", equalTo(4));
    }
}
