package io.vettify.crm.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

public record TimelineView(UUID id, TimelineKind kind, Instant occurredAt, String summary, JsonNode data,
        String whid) {
}
