package io.vettify.crm.attachments;

import java.time.Instant;
import java.util.UUID;

public record AttachmentView(
        UUID id,
        String subjectType,
        UUID subjectId,
        String filename,
        String contentType,
        long size,
        String sha256,
        String whid,
        String createdBy,
        Instant createdAt) {

    static AttachmentView of(Attachment a) {
        return new AttachmentView(a.id, a.subjectType, a.subjectId(), a.filename, a.contentType, a.sizeBytes, a.sha256,
                a.whid, a.createdBy, a.createdAt);
    }
}
