package io.vettify.crm.gdpr;

import java.time.Instant;
import java.util.UUID;

/** Data of {@code crm.gdpr.exported} and {@code crm.gdpr.erased}: counts and ids of the request, no personal data. */
public final class GdprEvents {

    private GdprEvents() {
    }

    public record Exported(UUID requestId, int leads, int contacts, int rows, Instant exportedAt) {
    }

    public record Erased(UUID requestId, int leads, int contacts, int rows, Instant erasedAt) {
    }
}
