package io.vettify.crm.attachments;

import io.vettify.crm.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/crm/attachments")
@Tag(name = "attachments")
public class AttachmentResource {

    private final AttachmentService service;

    public AttachmentResource(AttachmentService service) {
        this.service = service;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed(Scopes.READ)
    @Operation(summary = "Download an attachment", description = "Streams the file with its sniffed Content-Type and a"
            + " Content-Disposition of attachment; the list routes of accounts and contacts give its metadata.")
    public Response download(UUID id) {
        AttachmentService.Download download = service.download(id);
        AttachmentView attachment = download.attachment();
        return Response.ok(download.content(), attachment.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, attachment.size())
                .header("Content-Disposition", Filenames.contentDisposition(attachment.filename()))
                .build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Scopes.WRITE)
    @Operation(summary = "Delete an attachment", description = "Removes the stored file (every version) and its record.")
    public void delete(UUID id) {
        service.delete(id);
    }
}
