package io.vettify.crm.campaigns;

import io.vettify.crm.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Asks for a campaign's PDF report; {@link CampaignReportPdfResource} serves it once rendered. */
@Path("/v1/crm/campaigns/{campaignId}/report")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "campaigns")
public class CampaignReportResource {

    private final CampaignReportService reports;

    public CampaignReportResource(CampaignReportService reports) {
        this.reports = reports;
    }

    @POST
    @RolesAllowed(Scopes.CAMPAIGNS)
    @Operation(summary = "Render the campaign's PDF report", description = "Submits a pdf.render job with the"
            + " campaign's data and metrics; Location is the job (GET /v1/crm/jobs/{id}). Once the job is DONE,"
            + " GET /v1/crm/campaigns/{id}/report.pdf serves the report, stored encrypted (SSE-C) in the tenant's bucket.")
    @APIResponse(responseCode = "202", description = "the job was submitted")
    @APIResponse(responseCode = "404", description = "no such campaign")
    public RestResponse<CampaignReportService.Requested> request(@PathParam("campaignId") UUID campaignId) {
        CampaignReportService.Requested requested = reports.request(campaignId);
        return RestResponse.ResponseBuilder.<CampaignReportService.Requested>accepted().entity(requested)
                .location(URI.create(requested.job())).build();
    }
}
