package io.vettify.crm.workers;

import io.vettify.crm.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The jobs sent to the worker fleet (ANAF verification, summaries, churn, email batches, PDF reports). */
@Path("/v1/crm/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "jobs")
public class JobResource {

    private final WorkerJobs jobs;

    public JobResource(WorkerJobs jobs) {
        this.jobs = jobs;
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.READ)
    public JobView get(UUID id) {
        return jobs.get(id);
    }
}
