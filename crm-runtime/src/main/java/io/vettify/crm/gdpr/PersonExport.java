package io.vettify.crm.gdpr;

import java.time.Instant;
import java.util.UUID;

/** The answer to a GDPR access request (art. 15): everything held about the person with this email. */
public record PersonExport(UUID requestId, String email, Instant exportedAt, PersonRows rows) {
}
