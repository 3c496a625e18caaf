package io.vettify.crm.leads.imports;

import java.util.List;

/**
 * What the check of a file found. {@code acceptedRows} are valid and new (inserted by a commit, counted by a
 * preview); {@code errors} holds at most {@link ImportRun#MAX_ERRORS} entries, the counts are always complete.
 */
record ImportOutcome(int totalRows, int acceptedRows, int duplicateRows, int invalidRows,
        List<ImportError> errors, boolean errorsTruncated, List<PreviewRow> preview) {
}
