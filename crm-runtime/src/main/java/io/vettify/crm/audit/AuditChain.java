package io.vettify.crm.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash chain: {@code hash = SHA-256(prev_hash ‖ canonical row)}, in lower-case hex over the UTF-8 bytes, where
 * the canonical row is the JSON object of the entry's fields below with keys sorted and no whitespace, and the first
 * entry's prev_hash is {@link #GENESIS}. Anyone holding an export can recompute it (docs/audit.md).
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {
    }

    public static String hash(String tenantId, AuditEntry entry) {
        return CanonicalJson.sha256Hex(entry.prevHash + canonicalRow(tenantId, entry));
    }

    static String canonicalRow(String tenantId, AuditEntry entry) {
        Map<String, Object> row = new TreeMap<>();
        row.put("action", entry.action);
        row.put("actor", entry.actor);
        row.put("actorWhid", entry.actorWhid);
        row.put("afterDigest", entry.afterDigest);
        row.put("beforeDigest", entry.beforeDigest);
        row.put("id", entry.id.toString());
        row.put("occurredAt", DateTimeFormatter.ISO_INSTANT.format(entry.occurredAt));
        row.put("seq", entry.seq);
        row.put("subjectId", entry.subjectId == null ? null : entry.subjectId.toString());
        row.put("subjectType", entry.subjectType);
        row.put("tid", tenantId);
        try {
            return JSON.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit row is strings and numbers", e);
        }
    }
}
