package io.vettify.workers.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * {@code email.send}: "sends" a batch of at most 100 recipients — nothing leaves the machine. Per recipient: an
 * address whose local part starts with {@code bounce} BOUNCES, one starting with {@code reject} is REJECTED, every
 * other one is SENT with a message id derived from the campaign and the address (the same on a resend: idempotent).
 */
final class EmailSend implements Worker {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "email.send";
    }

    @Override
    public JsonNode handle(JsonNode request) {
        String campaignId = request.get("campaignId").asText();
        ObjectNode result = JSON.createObjectNode().put("campaignId", campaignId);
        ArrayNode results = result.putArray("results");
        for (JsonNode recipient : request.get("recipients")) {
            String email = recipient.get("email").asText();
            String local = email.substring(0, Math.max(0, email.indexOf('@'))).toLowerCase(Locale.ROOT);
            ObjectNode outcome = results.addObject().put("email", email);
            JsonNode recipientId = recipient.get("recipientId");
            if (recipientId == null || recipientId.isNull()) {
                outcome.putNull("recipientId");
            } else {
                outcome.put("recipientId", recipientId.asText());
            }
            if (local.startsWith("bounce")) {
                outcome.put("status", "BOUNCED").putNull("messageId").put("reason", "550 mailbox unavailable (simulated)");
            } else if (local.startsWith("reject")) {
                outcome.put("status", "REJECTED").putNull("messageId").put("reason", "address refused (simulated)");
            } else {
                outcome.put("status", "SENT").put("messageId", "ref-" + digest(campaignId + "|" + email)).putNull("reason");
            }
        }
        return result;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
