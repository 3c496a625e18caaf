package io.vettify.crm.leads.imports;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.security.identity.SecurityIdentity;
import io.vettify.crm.common.api.Problem;
import io.vettify.crm.audit.AuditActions;
import io.vettify.crm.audit.AuditTrail;
import io.vettify.crm.common.api.ProblemException;
import io.vettify.crm.common.api.ProblemType;
import io.vettify.crm.messaging.DomainEvents;
import io.vettify.crm.messaging.EventTypes;
import io.vettify.crm.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * CSV lead import (B9). A preview checks every row and stores a record; a commit does the same and inserts the
 * accepted rows, all in one transaction with its record and its {@code crm.lead.imported} event: an import is
 * atomic (every accepted row or none), not resumable. Committing a file again inserts nothing twice: its rows are
 * then duplicates of the leads the first commit created.
 */
@ApplicationScoped
public class LeadImportService {

    private static final Logger LOG = Logger.getLogger(LeadImportService.class);

    /** What browsers and tools declare for a .csv file; the content must be UTF-8 text whatever is declared. */
    private static final Set<String> CSV_TYPES = Set.of("text/csv", "application/csv", "text/plain",
            "application/vnd.ms-excel", "application/octet-stream");
    static final int MAX_PREVIEW_ROWS = 100;

    private final LeadImportRepository imports;
    private final LeadImportStore store;
    private final Validator validator;
    private final TenantContext tenant;
    private final SecurityIdentity identity;
    private final DomainEvents events;
    private final AuditTrail audit;
    private final long maxFileBytes;

    public LeadImportService(LeadImportRepository imports, LeadImportStore store, Validator validator,
            TenantContext tenant, SecurityIdentity identity, DomainEvents events, AuditTrail audit,
            @ConfigProperty(name = "vettify.import.max-file-bytes") long maxFileBytes) {
        this.imports = imports;
        this.store = store;
        this.validator = validator;
        this.tenant = tenant;
        this.identity = identity;
        this.events = events;
        this.audit = audit;
        this.maxFileBytes = maxFileBytes;
    }

    /** A dry run: every row checked, nothing inserted; answers the first {@code previewRows} accepted rows. */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public ImportView preview(ImportUpload upload, int previewRows) {
        if (previewRows < 0 || previewRows > MAX_PREVIEW_ROWS) {
            throw ProblemException.invalid("previewRows", "must be between 0 and " + MAX_PREVIEW_ROWS);
        }
        checkUpload(upload);
        return process(upload, false, previewRows);
    }

    /** Inserts the accepted rows; the single place where an import's leads are committed. */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public ImportView commit(ImportUpload upload) {
        checkUpload(upload);
        store.lockTenantImports();
        ImportView view = process(upload, true, 0);
        events.record(EventTypes.LEAD_IMPORTED, "lead_import", view.id(), view.whid(), LeadImported.of(view));
        audit.record(AuditActions.LEADS_IMPORTED, "lead_import", view.id(), null, LeadImported.of(view));
        return view;
    }

    @Transactional
    public ImportView get(UUID id) {
        return imports.findByIdOptional(id).map(record -> ImportView.of(record, List.of()))
                .orElseThrow(() -> ProblemException.notFound("import", id));
    }

    private ImportView process(ImportUpload upload, boolean commit, int previewRows) {
        long start = System.nanoTime();
        store.planEachLookup();
        MessageDigest sha256 = sha256();
        ImportOutcome outcome;
        ColumnMapping mapping;
        ImportRun run;
        try (InputStream in = new DigestInputStream(Files.newInputStream(upload.file()), sha256);
                LeadCsv csv = LeadCsv.open(in)) {
            mapping = ColumnMapping.resolve(upload.mapping(), csv.header());
            run = new ImportRun(mapping, validator, tenant::checkWritableWarehouse, store, previewRows);
            outcome = run.check(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int imported = 0;
        if (commit) {
            try (InputStream in = Files.newInputStream(upload.file()); LeadCsv csv = LeadCsv.open(in)) {
                imported = run.insertAccepted(csv);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        LeadImport record = new LeadImport();
        record.status = commit ? LeadImport.Status.COMMITTED : LeadImport.Status.PREVIEWED;
        record.fileName = upload.fileName();
        record.fileSha256 = HexFormat.of().formatHex(sha256.digest());
        record.fileBytes = upload.size();
        record.mapping = mapping.asMap();
        record.totalRows = outcome.totalRows();
        record.acceptedRows = outcome.acceptedRows();
        record.importedRows = imported;
        record.duplicateRows = outcome.duplicateRows();
        record.invalidRows = outcome.invalidRows();
        record.errors = outcome.errors();
        record.errorsTruncated = outcome.errorsTruncated();
        record.whid = tenant.warehouseId().orElse(null);
        record.createdBy = identity.getPrincipal().getName();
        imports.persistAndFlush(record);
        LOG.infof("lead import %s %s: %d rows, %d imported, %d duplicates, %d invalid, %d bytes in %d ms", record.id,
                record.status, record.totalRows, record.importedRows, record.duplicateRows, record.invalidRows,
                record.fileBytes, (System.nanoTime() - start) / 1_000_000);
        return ImportView.of(record, outcome.preview());
    }

    private void checkUpload(ImportUpload upload) {
        if (upload.size() > maxFileBytes) {
            throw new ProblemException(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                    "the file has " + upload.size() + " bytes; at most " + maxFileBytes + " are accepted"));
        }
        String type = upload.contentType() == null ? "" : upload.contentType().toLowerCase(Locale.ROOT);
        String mediaType = type.contains(";") ? type.substring(0, type.indexOf(';')).trim() : type.trim();
        if (!CSV_TYPES.contains(mediaType)) {
            throw new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the file is "
                    + (mediaType.isEmpty() ? "of no declared type" : mediaType)
                    + ": upload the leads as a CSV file (text/csv); save a spreadsheet as CSV UTF-8 first"));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
