package io.vettify.crm.opportunities;

import com.fasterxml.jackson.databind.JsonNode;
import io.vettify.crm.common.api.Accepted;
import io.vettify.crm.common.api.Created;
import io.vettify.crm.common.api.ListRequest;
import io.vettify.crm.common.api.MergePatch;
import io.vettify.crm.common.api.Page;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.summaries.SummaryRequest;
import io.vettify.crm.workers.JobView;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/crm/opportunities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "opportunities")
public class OpportunityResource {

    private final OpportunityService service;

    public OpportunityResource(OpportunityService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Scopes.READ)
    public Page<OpportunityView> list(@BeanParam ListRequest list, @QueryParam("stage") String stage,
            @QueryParam("accountId") String accountId, @QueryParam("contactId") String contactId) {
        return service.list(list, stage, accountId, contactId);
    }

    @POST
    @RolesAllowed(Scopes.WRITE)
    public RestResponse<OpportunityView> create(@Valid @NotNull OpportunityRequest request) {
        OpportunityView created = service.create(request);
        return Created.at("/v1/crm/opportunities/" + created.id(), created);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.READ)
    public OpportunityView get(UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Scopes.WRITE)
    public OpportunityView replace(UUID id, @Valid @NotNull OpportunityRequest request) {
        return service.replace(id, request);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Scopes.WRITE)
    public OpportunityView patch(UUID id, JsonNode patch) {
        return service.patch(id, patch);
    }

    @POST
    @Path("{id}/stage")
    @RolesAllowed(Scopes.WRITE)
    public OpportunityView changeStage(UUID id, @Valid @NotNull StageChange change) {
        return service.changeStage(id, change);
    }

    /** Asks ai.summary for a summary (202 with the job; the summary is the job's result). */
    @POST
    @Path("{id}/summary")
    @RolesAllowed(Scopes.WRITE)
    @APIResponse(responseCode = "202", description = "the ai.summary job was submitted; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.class)))
    public RestResponse<JobView> summarize(UUID id, @Valid SummaryRequest request) {
        JobView job = service.summarize(id, request);
        return Accepted.at("/v1/crm/jobs/" + job.id(), job);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Scopes.WRITE)
    public void delete(UUID id) {
        service.delete(id);
    }
}
