package io.vettify.crm.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.vettify.crm.common.api.Created;
import io.vettify.crm.common.api.ListRequest;
import io.vettify.crm.common.api.MergePatch;
import io.vettify.crm.common.api.Page;
import io.quarkus.security.identity.SecurityIdentity;
import io.vettify.crm.security.RateLimiter;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.tenancy.TenantContext;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/crm/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "campaigns")
public class CampaignResource {

    private final CampaignService service;
    private final CampaignSendService sender;
    private final RateLimiter rateLimiter;
    private final TenantContext tenant;
    private final SecurityIdentity identity;
    private final int sendsPerSecond;

    public CampaignResource(CampaignService service, CampaignSendService sender, RateLimiter rateLimiter,
            TenantContext tenant, SecurityIdentity identity,
            @ConfigProperty(name = "vettify.campaigns.send.rate-per-second") int sendsPerSecond) {
        this.service = service;
        this.sender = sender;
        this.rateLimiter = rateLimiter;
        this.tenant = tenant;
        this.identity = identity;
        this.sendsPerSecond = sendsPerSecond;
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

    /**
     * Sends the campaign once (202 with the campaign, now SENDING); 409 when it is not a draft any more. Rate-limited
     * per user (token subject).
     */
    @POST
    @Path("{id}/send")
    @RolesAllowed(Scopes.CAMPAIGNS)
    @APIResponse(responseCode = "202", description = "the send started; the campaign is SENDING",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignView.class)))
    public RestResponse<CampaignView> send(UUID id, SendRequest request) {
        rateLimiter.acquire("campaign-send", caller(), sendsPerSecond);
        return RestResponse.accepted(sender.send(id, request));
    }

    /** The user: the token's subject, within its tenant. */
    private String caller() {
        String subject = identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject() : identity.getPrincipal().getName();
        return tenant.tenantId().orElseThrow() + ":" + subject;
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
