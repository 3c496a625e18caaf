package io.vettify.crm.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which entries an export holds: those up to {@code untilSeq} (the chain as it was when the export was asked for)
 * that occurred in {@code [from, to)}. Entries never change, so the same range always gives the same bytes.
 */
public record AuditRange(Optional<Instant> from, Optional<Instant> to, long untilSeq) {
}
