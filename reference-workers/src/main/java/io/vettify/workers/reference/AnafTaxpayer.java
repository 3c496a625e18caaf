package io.vettify.workers.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** {@code anaf.taxpayer}: the fiscal code's entry in the (reference) taxpayer register. */
final class AnafTaxpayer implements Worker {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "anaf.taxpayer";
    }

    @Override
    public JsonNode handle(JsonNode request) {
        String cui = request.get("cui").asText();
        ObjectNode result = JSON.createObjectNode().put("cui", cui);
        TaxpayerRegister.find(cui).ifPresentOrElse(taxpayer -> result.put("found", true)
                .put("active", taxpayer.active()).put("officialName", taxpayer.officialName())
                .put("vatPayer", taxpayer.vatPayer()),
                () -> result.put("found", false).putNull("active").putNull("officialName").putNull("vatPayer"));
        return result.put("checkedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    }
}
