package io.vettify.crm.attachments;

import io.vettify.crm.common.api.ListRequest;
import io.vettify.crm.common.api.Page;
import io.vettify.crm.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/v1/crm/contacts/{contactId}/attachments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "attachments")
public class ContactAttachmentResource {

    private final AttachmentService service;

    public ContactAttachmentResource(AttachmentService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Scopes.WRITE)
    @Operation(summary = "Attach a file to a contact", description = AttachmentUploads.DESCRIPTION)
    public RestResponse<AttachmentView> upload(@PathParam("contactId") UUID contactId,
            @RestForm("file") FileUpload file) {
        return AttachmentUploads.created(service.upload(Subject.contact(contactId), AttachmentUploads.of(file)));
    }

    @GET
    @RolesAllowed(Scopes.READ)
    public Page<AttachmentView> list(@PathParam("contactId") UUID contactId, @BeanParam ListRequest list) {
        return service.list(Subject.contact(contactId), list);
    }
}
