package io.vettify.crm.common.consent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A person's marketing-email consent as GDPR asks it to be kept: whether, how ({@link ConsentSource}) and since when.
 * Source and time move only when the consent itself changes, so re-saving a record never rewrites the evidence.
 */
public record MarketingConsent(boolean granted, ConsentSource source, Instant updatedAt) {

    public static final MarketingConsent NONE = new MarketingConsent(false, null, null);

    /** The consent after a request asking for {@code requested} (null = not granted), told how by {@code source}. */
    public MarketingConsent request(Boolean requested, ConsentSource source) {
        boolean wanted = Boolean.TRUE.equals(requested);
        boolean changes = updatedAt == null ? wanted : wanted != granted;
        if (!changes) {
            return this;
        }
        return new MarketingConsent(wanted, source == null ? ConsentSource.API : source,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
