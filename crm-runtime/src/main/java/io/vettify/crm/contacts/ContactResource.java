package io.vettify.crm.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import io.vettify.crm.common.api.Created;
import io.vettify.crm.common.api.ListRequest;
import io.vettify.crm.common.api.MergePatch;
import io.vettify.crm.common.api.Page;
import io.vettify.crm.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/crm/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "contacts")
public class ContactResource {

    private final ContactService service;

    public ContactResource(ContactService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Scopes.READ)
    public Page<ContactView> list(@BeanParam ListRequest list, @QueryParam("accountId") String accountId,
            @QueryParam("marketingConsent") String marketingConsent) {
        return service.list(list, accountId, marketingConsent);
    }

    @POST
    @RolesAllowed(Scopes.WRITE)
    public RestResponse<ContactView> create(@Valid @NotNull ContactRequest request) {
        ContactView created = service.create(request);
        return Created.at("/v1/crm/contacts/" + created.id(), created);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.READ)
    public ContactView get(UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Scopes.WRITE)
    public ContactView replace(UUID id, @Valid @NotNull ContactRequest request) {
        return service.replace(id, request);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Scopes.WRITE)
    public ContactView patch(UUID id, JsonNode patch) {
        return service.patch(id, patch);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Scopes.WRITE)
    public void delete(UUID id) {
        service.delete(id);
    }
}
