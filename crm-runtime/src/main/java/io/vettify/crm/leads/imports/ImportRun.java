package io.vettify.crm.leads.imports;

import io.vettify.crm.common.api.Problem;
import io.vettify.crm.common.api.ProblemException;
import io.vettify.crm.common.consent.ConsentSource;
import io.vettify.crm.common.consent.MarketingConsent;
import io.vettify.crm.common.validation.FiscalCodes;
import io.vettify.crm.leads.Lead;
import io.vettify.crm.leads.LeadRequest;
import io.vettify.crm.leads.LeadScoring;
import io.vettify.crm.leads.LeadSource;
import io.vettify.crm.leads.LeadStatus;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * An import of a CSV file in two streaming passes. {@link #check} turns every row into a lead request checked by the
 * lead API's own rules, then checks it for an email seen on an earlier line and, a chunk at a time, for an email
 * existing leads have; it remembers which rows it accepted. {@link #insertAccepted} reads the file again and inserts
 * those rows a chunk at a time. Deciding before writing keeps the duplicate lookups on the table as it was (its
 * statistics do not know rows the same transaction inserted, and plans over them degrade to scanning the tenant).
 * Memory: one chunk of rows, the file's distinct emails (for the in-file duplicates), one bit per row and at most
 * {@link #MAX_ERRORS} errors, whatever the file's size.
 */
final class ImportRun {

    static final int MAX_ROWS = 100_000;
    static final int MAX_ERRORS = 1_000;
    static final int CHUNK_ROWS = 1_000;

    private static final Set<LeadStatus> IMPORTABLE_STATUSES = Set.of(LeadStatus.NEW, LeadStatus.CONTACTED,
            LeadStatus.DISQUALIFIED);

    private record Candidate(int ordinal, long line, Lead lead, String emailKey) {
    }

    private final ColumnMapping mapping;
    private final Validator validator;
    private final Consumer<String> warehouseCheck;
    private final ImportSink sink;
    private final int previewRows;

    private final Map<String, Long> firstLineOfEmail = new HashMap<>();
    private final List<Candidate> chunk = new ArrayList<>(CHUNK_ROWS);
    private final List<ImportError> errors = new ArrayList<>();
    private final List<PreviewRow> preview = new ArrayList<>();
    private final BitSet accepted = new BitSet();
    private int totalRows;
    private int acceptedRows;
    private int duplicateRows;
    private int invalidRows;
    private boolean errorsTruncated;

    /**
     * @param warehouseCheck the lead API's rule for a row's {@code whid}: throws a 422 {@link ProblemException} for
     *     a warehouse the caller may not write
     * @param previewRows how many accepted rows to show as leads
     */
    ImportRun(ColumnMapping mapping, Validator validator, Consumer<String> warehouseCheck, ImportSink sink,
            int previewRows) {
        this.mapping = mapping;
        this.validator = validator;
        this.warehouseCheck = warehouseCheck;
        this.sink = sink;
        this.previewRows = previewRows;
    }

    /**
     * @throws ProblemException 422 when the file has more than {@link #MAX_ROWS} rows or is not well-formed CSV,
     *     415 when it is not UTF-8 text
     */
    ImportOutcome check(LeadCsv csv) {
        int width = csv.header().size();
        for (LeadCsv.Row row = csv.next(); row != null; row = csv.next()) {
            int ordinal = totalRows;
            if (++totalRows > MAX_ROWS) {
                throw ProblemException.invalid("file", "has more than " + MAX_ROWS
                        + " rows: split it into files of at most " + MAX_ROWS + " rows");
            }
            if (row.values().size() != width) {
                invalid(List.of(new ImportError(row.line(), ImportError.Kind.INVALID, null, null,
                        "has " + row.values().size() + " fields where the header has " + width)));
                continue;
            }
            check(ordinal, row);
            if (chunk.size() == CHUNK_ROWS) {
                flush();
            }
        }
        flush();
        return new ImportOutcome(totalRows, acceptedRows, duplicateRows, invalidRows, List.copyOf(errors),
                errorsTruncated, List.copyOf(preview));
    }

    /**
     * The second pass, over the same file: inserts the rows {@link #check} accepted.
     *
     * @return the number of leads inserted
     */
    int insertAccepted(LeadCsv csv) {
        List<Lead> batch = new ArrayList<>(CHUNK_ROWS);
        int inserted = 0;
        int ordinal = 0;
        for (LeadCsv.Row row = csv.next(); row != null; row = csv.next(), ordinal++) {
            if (!accepted.get(ordinal)) {
                continue;
            }
            List<ImportError> rowErrors = new ArrayList<>();
            Lead lead = lead(row, rowErrors);
            if (lead == null) {
                throw new IllegalStateException("line " + row.line() + " changed between the import's passes");
            }
            batch.add(lead);
            if (batch.size() == CHUNK_ROWS) {
                inserted += sink.insert(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            inserted += sink.insert(batch);
        }
        return inserted;
    }

    private void check(int ordinal, LeadCsv.Row row) {
        List<ImportError> rowErrors = new ArrayList<>();
        Lead lead = lead(row, rowErrors);
        if (lead == null) {
            invalid(rowErrors);
            return;
        }
        String emailKey = lead.email.toLowerCase(Locale.ROOT);
        Long firstLine = firstLineOfEmail.putIfAbsent(emailKey, row.line());
        if (firstLine != null) {
            duplicate(row.line(), "the same email is on line " + firstLine);
            return;
        }
        chunk.add(new Candidate(ordinal, row.line(), lead, emailKey));
    }

    /** The row as a new lead, or null when it breaks a rule (then {@code rowErrors} says which). */
    private Lead lead(LeadCsv.Row row, List<ImportError> rowErrors) {
        LeadSource source = enumValue(row, ImportField.SOURCE, LeadSource.class, LeadSource.values(), rowErrors);
        LeadStatus status = enumValue(row, ImportField.STATUS, LeadStatus.class, LeadStatus.values(), rowErrors);
        Boolean consent = consent(row, rowErrors);
        ConsentSource consentSource = enumValue(row, ImportField.CONSENT_SOURCE, ConsentSource.class,
                ConsentSource.values(), rowErrors);
        if (status != null && !IMPORTABLE_STATUSES.contains(status)) {
            rowErrors.add(invalid(row.line(), ImportField.STATUS, "must be NEW, CONTACTED or DISQUALIFIED: leads "
                    + "are qualified and converted through the API"));
        }
        LeadRequest request = new LeadRequest(mapping.value(ImportField.FIRST_NAME, row.values()),
                mapping.value(ImportField.LAST_NAME, row.values()), mapping.value(ImportField.EMAIL, row.values()),
                mapping.value(ImportField.COMPANY, row.values()), mapping.value(ImportField.CUI, row.values()),
                source, status, consent, consentSource, mapping.value(ImportField.WHID, row.values()), null);
        for (ConstraintViolation<LeadRequest> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().toString();
            rowErrors.add(invalid(row.line(), ImportField.named(field).orElseThrow(), violation.getMessage()));
        }
        try {
            warehouseCheck.accept(request.whid());
        } catch (ProblemException e) {
            for (Problem.FieldError fieldError : e.problem().errors()) {
                rowErrors.add(invalid(row.line(), ImportField.WHID, fieldError.message()));
            }
        }
        return rowErrors.isEmpty() ? lead(request) : null;
    }

    private void flush() {
        if (chunk.isEmpty()) {
            return;
        }
        Set<String> existing = sink.existingEmails(chunk.stream().map(Candidate::emailKey).toList());
        for (Candidate candidate : chunk) {
            if (existing.contains(candidate.emailKey())) {
                duplicate(candidate.line(), "a lead with this email already exists");
                continue;
            }
            acceptedRows++;
            accepted.set(candidate.ordinal());
            if (preview.size() < previewRows) {
                preview.add(PreviewRow.of(candidate.line(), candidate.lead()));
            }
        }
        chunk.clear();
    }

    private static Lead lead(LeadRequest request) {
        Lead lead = new Lead();
        lead.id = UUID.randomUUID();
        lead.firstName = request.firstName();
        lead.lastName = request.lastName();
        lead.email = request.email();
        lead.company = request.company();
        lead.cui = FiscalCodes.normalize(request.cui());
        lead.source = request.source() == null ? LeadSource.IMPORT : request.source();
        lead.status = request.status() == null ? LeadStatus.NEW : request.status();
        lead.consent(MarketingConsent.NONE.request(request.marketingConsent(),
                request.consentSource() == null ? ConsentSource.IMPORT : request.consentSource()));
        lead.whid = request.whid();
        lead.score = LeadScoring.score(lead);
        return lead;
    }

    /** Yes or no, as spreadsheets write it: true/false, yes/no, da/nu, 1/0 (any case); empty is no. */
    private Boolean consent(LeadCsv.Row row, List<ImportError> rowErrors) {
        String value = mapping.value(ImportField.MARKETING_CONSENT, row.values());
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "da", "1" -> true;
            case "false", "no", "nu", "0" -> false;
            default -> {
                rowErrors.add(invalid(row.line(), ImportField.MARKETING_CONSENT,
                        "must be true or false (yes/no, da/nu, 1/0)"));
                yield null;
            }
        };
    }

    private <E extends Enum<E>> E enumValue(LeadCsv.Row row, ImportField field, Class<E> type, E[] values,
            List<ImportError> rowErrors) {
        String value = mapping.value(field, row.values());
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            rowErrors.add(invalid(row.line(), field, "must be one of " + Arrays.toString(values)));
            return null;
        }
    }

    private ImportError invalid(long line, ImportField field, String message) {
        return new ImportError(line, ImportError.Kind.INVALID, mapping.column(field), field.fieldName(), message);
    }

    private void invalid(List<ImportError> rowErrors) {
        invalidRows++;
        rowErrors.forEach(this::report);
    }

    private void duplicate(long line, String message) {
        duplicateRows++;
        report(new ImportError(line, ImportError.Kind.DUPLICATE, mapping.column(ImportField.EMAIL),
                ImportField.EMAIL.fieldName(), message));
    }

    private void report(ImportError error) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(error);
        } else {
            errorsTruncated = true;
        }
    }
}
