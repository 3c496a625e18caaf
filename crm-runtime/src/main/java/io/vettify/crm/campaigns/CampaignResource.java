package io.vettify.crm.campaigns;

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

@Path("/v1/crm/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "campaigns")
public class CampaignResource {

    private final CampaignService service;

    public CampaignResource(CampaignService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Scopes.READ)
    public Page<CampaignView> list(@BeanParam ListRequest list, @QueryParam("status") String status) {
        return service.list(list, status);
    }

    @POST
    @RolesAllowed(Scopes.CAMPAIGNS)
    public RestResponse<CampaignView> create(@Valid @NotNull CampaignRequest request) {
        CampaignView created = service.create(request);
        return Created.at("/v1/crm/campaigns/" + created.id(), created);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.READ)
    public CampaignView get(UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Scopes.CAMPAIGNS)
    public CampaignView replace(UUID id, @Valid @NotNull CampaignRequest request) {
        return service.replace(id, request);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Scopes.CAMPAIGNS)
    public CampaignView patch(UUID id, JsonNode patch) {
        return service.patch(id, patch);
    }

    @GET
    @Path("{id}/metrics")
    @RolesAllowed(Scopes.READ)
    public CampaignView.Metrics metrics(UUID id) {
        return service.metrics(id);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Scopes.CAMPAIGNS)
    public void delete(UUID id) {
        service.delete(id);
    }
}
