package io.vettify.crm.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Canonical JSON: object keys sorted (recursively), no whitespace, values as the application's mapper writes them
 * (timestamps as ISO-8601 strings). The same value always gives the same bytes, so its SHA-256 digest is stable.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(sorted(mapper.valueToTree(value), mapper));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable as JSON: " + value.getClass().getName(), e);
        }
    }

    /** Lower-case hex SHA-256 of the value's canonical JSON; null for null. */
    public static String digest(ObjectMapper mapper, Object value) {
        return value == null ? null : sha256Hex(write(mapper, value));
    }

    public static String sha256Hex(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static JsonNode sorted(JsonNode node, ObjectMapper mapper) {
        if (node.isObject()) {
            ObjectNode result = mapper.createObjectNode();
            List<Map.Entry<String, JsonNode>> fields = StreamSupport.stream(
                    ((Iterable<Map.Entry<String, JsonNode>>) node::fields).spliterator(), false)
                    .sorted(Map.Entry.comparingByKey()).toList();
            for (Map.Entry<String, JsonNode> field : fields) {
                result.set(field.getKey(), sorted(field.getValue(), mapper));
            }
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = mapper.createArrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                result.add(sorted(it.next(), mapper));
            }
            return result;
        }
        return node;
    }
}
