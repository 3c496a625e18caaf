package io.vettify.crm.leads;

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

@Path("/v1/crm/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "leads")
public class LeadResource {

    private final LeadService service;

    public LeadResource(LeadService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Scopes.READ)
    public Page<LeadView> list(@BeanParam ListRequest list, @QueryParam("status") String status,
            @QueryParam("source") String source) {
        return service.list(list, status, source);
    }

    @POST
    @RolesAllowed(Scopes.WRITE)
    public RestResponse<LeadView> create(@Valid @NotNull LeadRequest request) {
        LeadView created = service.create(request);
        return Created.at("/v1/crm/leads/" + created.id(), created);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.READ)
    public LeadView get(UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Scopes.WRITE)
    public LeadView replace(UUID id, @Valid @NotNull LeadRequest request) {
        return service.replace(id, request);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Scopes.WRITE)
    public LeadView patch(UUID id, JsonNode patch) {
        return service.patch(id, patch);
    }

    @POST
    @Path("{id}/qualify")
    @RolesAllowed(Scopes.WRITE)
    public LeadView qualify(UUID id) {
        return service.qualify(id);
    }

    @POST
    @Path("{id}/convert")
    @RolesAllowed(Scopes.WRITE)
    public Conversion.Result convert(UUID id, @Valid Conversion.Request request) {
        return service.convert(id, request);
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
