package io.vettify.crm.leads.imports;

import io.vettify.crm.common.CrmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The record of one preview or commit of a CSV file of leads. */
@Entity
@Table(schema = "crm", name = "lead_imports")
public class LeadImport extends CrmEntity {

    public enum Status {
        /** A dry run: nothing was inserted. */
        PREVIEWED,
        /** The accepted rows were inserted, in the same transaction as this record. */
        COMMITTED
    }

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "file_sha256")
    public String fileSha256;

    @Column(name = "file_bytes")
    public long fileBytes;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> mapping;

    @Column(name = "total_rows")
    public int totalRows;

    @Column(name = "accepted_rows")
    public int acceptedRows;

    @Column(name = "imported_rows")
    public int importedRows;

    @Column(name = "duplicate_rows")
    public int duplicateRows;

    @Column(name = "invalid_rows")
    public int invalidRows;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ImportError> errors;

    @Column(name = "errors_truncated")
    public boolean errorsTruncated;

    @Column(name = "created_by")
    public String createdBy;
}
