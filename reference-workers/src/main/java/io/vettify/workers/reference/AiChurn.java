package io.vettify.workers.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ai.churn}: a fixed logistic model over the account's features (not a trained model):
 * {@code z = -1.2 + 0.9·closedLost - 0.7·closedWon - 0.35·min(orders, 10) - 0.08·min(activities, 20)
 * + 0.02·min(daysSinceLastActivity, 365)}, score = 1 / (1 + e^-z); bucket LOW below 0.33, HIGH from 0.66.
 */
final class AiChurn implements Worker {

    static final String MODEL = "reference-logistic-v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "ai.churn";
    }

    @Override
    public JsonNode handle(JsonNode request) {
        JsonNode f = request.get("features");
        double z = -1.2 + 0.9 * f.get("closedLost").asInt() - 0.7 * f.get("closedWon").asInt()
                - 0.35 * Math.min(f.get("orders").asInt(), 10) - 0.08 * Math.min(f.get("activities").asInt(), 20)
                + 0.02 * Math.min(f.get("daysSinceLastActivity").asDouble(), 365);
        double score = Math.round(10_000 / (1 + Math.exp(-z))) / 10_000.0;
        return JSON.createObjectNode().put("accountId", request.get("accountId").asText()).put("score", score)
                .put("bucket", bucket(score)).put("model", MODEL);
    }

    static String bucket(double score) {
        return score < 0.33 ? "LOW" : score < 0.66 ? "MEDIUM" : "HIGH";
    }
}
