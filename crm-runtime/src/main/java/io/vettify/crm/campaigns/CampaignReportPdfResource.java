package io.vettify.crm.campaigns;

import io.vettify.crm.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The latest PDF report of a campaign (a separate root path: {@code report.pdf} is not a sub-resource of report). */
@Path("/v1/crm/campaigns/{campaignId}/report.pdf")
@Tag(name = "campaigns")
public class CampaignReportPdfResource {

    private static final String PDF = "application/pdf";

    private final CampaignReportService reports;

    public CampaignReportPdfResource(CampaignReportService reports) {
        this.reports = reports;
    }

    @GET
    @Produces({PDF, "application/problem+json"})
    @RolesAllowed(Scopes.READ)
    @Operation(summary = "Download the campaign's latest PDF report",
            description = "Rendered by pdf.render after POST /v1/crm/campaigns/{id}/report.")
    @APIResponse(responseCode = "200", description = "the PDF, streamed",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "no such campaign, or no report rendered yet (problem+json)")
    public Response download(@PathParam("campaignId") UUID campaignId) {
        CampaignReportService.Pdf pdf = reports.latest(campaignId);
        return Response.ok(pdf.content(), PDF)
                .header(HttpHeaders.CONTENT_LENGTH, pdf.size())
                .header("Content-Disposition", "attachment; filename=\"campaign-" + campaignId + "-report.pdf\"")
                .build();
    }
}
