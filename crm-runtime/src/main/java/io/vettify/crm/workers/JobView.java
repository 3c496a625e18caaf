package io.vettify.crm.workers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A worker job as the API shows it. */
public record JobView(
        UUID id,
        String worker,
        WorkerJobStatus status,
        String subjectType,
        UUID subjectId,
        int attempts,
        Instant deadline,
        JsonNode result,
        String error,
        String whid,
        Instant createdAt,
        Instant updatedAt) {
}
