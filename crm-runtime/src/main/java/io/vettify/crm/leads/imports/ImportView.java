package io.vettify.crm.leads.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An import as the API shows it. {@code acceptedRows}: valid rows with a new email (inserted by a commit, only
 * counted by a preview); {@code importedRows}: rows inserted; {@code errors}: the first 1000 rejected rows' reasons
 * ({@code errorsTruncated} when there were more); {@code preview}: the first accepted rows as leads, only in the
 * answer to a preview.
 */
public record ImportView(
        UUID id,
        LeadImport.Status status,
        String fileName,
        String fileSha256,
        long fileBytes,
        Map<String, String> mapping,
        int totalRows,
        int acceptedRows,
        int importedRows,
        int duplicateRows,
        int invalidRows,
        List<ImportError> errors,
        boolean errorsTruncated,
        List<PreviewRow> preview,
        String whid,
        String createdBy,
        Instant createdAt) {

    static ImportView of(LeadImport i, List<PreviewRow> preview) {
        return new ImportView(i.id, i.status, i.fileName, i.fileSha256, i.fileBytes, i.mapping, i.totalRows,
                i.acceptedRows, i.importedRows, i.duplicateRows, i.invalidRows, i.errors, i.errorsTruncated, preview,
                i.whid, i.createdBy, i.createdAt);
    }
}
