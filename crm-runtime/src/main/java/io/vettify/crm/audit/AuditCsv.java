package io.vettify.crm.audit;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** The export's CSV (RFC 4180 quoting, LF line ends): one header line, then one line per entry in chain order. */
final class AuditCsv {

    static final String HEADER = "tid,seq,id,occurred_at,actor,actor_whid,action,subject_type,subject_id,"
            + "before_digest,after_digest,prev_hash,hash\n";

    private AuditCsv() {
    }

    static String line(String tenantId, AuditEntry entry) {
        List<String> fields = List.of(tenantId, Long.toString(entry.seq), entry.id.toString(),
                DateTimeFormatter.ISO_INSTANT.format(entry.occurredAt), entry.actor, orEmpty(entry.actorWhid),
                entry.action, entry.subjectType, entry.subjectId == null ? "" : entry.subjectId.toString(),
                orEmpty(entry.beforeDigest), orEmpty(entry.afterDigest), entry.prevHash, entry.hash);
        StringBuilder line = new StringBuilder();
        for (String field : fields) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            line.append(escape(field));
        }
        return line.append('\n').toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String escape(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
