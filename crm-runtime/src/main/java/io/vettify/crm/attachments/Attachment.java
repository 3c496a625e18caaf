package io.vettify.crm.attachments;

import io.vettify.crm.common.CrmEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A file attached to an account or a contact; the bytes are in the tenant's bucket under {@link #objectKey}. */
@Entity
@Table(schema = "crm", name = "attachments")
public class Attachment extends CrmEntity {

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "contact_id")
    public UUID contactId;

    public String filename;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    @Column(name = "object_key")
    public String objectKey;

    @Column(name = "created_by")
    public String createdBy;

    public UUID subjectId() {
        return accountId != null ? accountId : contactId;
    }
}
