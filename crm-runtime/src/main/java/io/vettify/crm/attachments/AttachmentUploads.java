package io.vettify.crm.attachments;

import io.vettify.crm.common.api.Created;
import io.vettify.crm.common.api.ProblemException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** What the upload routes of accounts and contacts share. */
final class AttachmentUploads {

    static final String DESCRIPTION = "multipart/form-data with the file in the part `file` (at most 10 MB, else 413)."
            + " The content type is sniffed from the bytes, whatever the client claims; accepted: PDF, PNG, JPEG, GIF,"
            + " WebP, plain text, CSV, DOCX, XLSX, PPTX (else 415). Stored encrypted with SSE-C.";

    private AttachmentUploads() {
    }

    static AttachmentService.Upload of(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "is required: send the file in the multipart part 'file'");
        }
        return new AttachmentService.Upload(file.uploadedFile(), file.fileName());
    }

    static RestResponse<AttachmentView> created(AttachmentView attachment) {
        return Created.at("/v1/crm/attachments/" + attachment.id(), attachment);
    }
}
