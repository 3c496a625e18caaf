package io.vettify.workers.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** {@code reges}: the company's employee count in the (reference) register; null when the company is unknown. */
final class Reges implements Worker {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "reges";
    }

    @Override
    public JsonNode handle(JsonNode request) {
        String cui = request.get("cui").asText();
        ObjectNode result = JSON.createObjectNode().put("cui", cui);
        TaxpayerRegister.find(cui).ifPresentOrElse(taxpayer -> result.put("employees", taxpayer.employees()),
                () -> result.putNull("employees"));
        return result.put("checkedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    }
}
