package io.vettify.crm.gdpr;

import java.time.Instant;
import java.util.UUID;

/** What an erasure anonymised, per kind of row. */
public record Erasure(UUID requestId, Instant erasedAt, int leads, int contacts, int opportunities, int accounts,
        int timelineEntries, int attachments, int campaignRecipients, int workerJobs) {
}
