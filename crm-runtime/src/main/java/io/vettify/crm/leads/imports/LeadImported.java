package io.vettify.crm.leads.imports;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code crm.lead.imported}: one summary event per committed import instead of a {@code crm.lead.created}
 * per row (up to 100 000 outbox rows and messages for one request); consumers read the leads through the API.
 */
public record LeadImported(UUID importId, int totalRows, int importedRows, int duplicateRows, int invalidRows,
        Instant committedAt) {

    static LeadImported of(ImportView committed) {
        return new LeadImported(committed.id(), committed.totalRows(), committed.importedRows(),
                committed.duplicateRows(), committed.invalidRows(), committed.createdAt());
    }
}
