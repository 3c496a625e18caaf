package io.vettify.crm.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.vettify.crm.common.api.Created;
import io.vettify.crm.common.api.ListRequest;
import io.vettify.crm.common.api.MergePatch;
import io.vettify.crm.common.api.Page;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.timeline.TimelineView;
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

@Path("/v1/crm/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class AccountResource {

    private final AccountService service;

    public AccountResource(AccountService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Scopes.READ)
    public Page<AccountView> list(@BeanParam ListRequest list, @QueryParam("industry") String industry,
            @QueryParam("complianceStatus") String complianceStatus) {
        return service.list(list, industry, complianceStatus);
    }

    @POST
    @RolesAllowed(Scopes.WRITE)
    public RestResponse<AccountView> create(@Valid @NotNull AccountRequest request) {
        AccountView created = service.create(request);
        return Created.at("/v1/crm/accounts/" + created.id(), created);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.READ)
    public AccountView get(UUID id) {
        return service.get(id);
    }

    @GET
    @Path("{id}/timeline")
    @RolesAllowed(Scopes.READ)
    public Page<TimelineView> timeline(UUID id, @BeanParam ListRequest list) {
        return service.timeline(id, list);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Scopes.WRITE)
    public AccountView replace(UUID id, @Valid @NotNull AccountRequest request) {
        return service.replace(id, request);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Scopes.WRITE)
    public AccountView patch(UUID id, JsonNode patch) {
        return service.patch(id, patch);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Scopes.WRITE)
    public void delete(UUID id) {
        service.delete(id);
    }
}
