package io.vettify.crm.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.vettify.crm.common.api.ListRequest;
import io.vettify.crm.common.api.MergePatch;
import io.vettify.crm.common.api.Page;
import io.vettify.crm.common.api.ProblemException;
import io.vettify.crm.common.api.QueryParams;
import io.vettify.crm.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class CampaignService {

    private final CampaignRepository campaigns;
    private final TenantContext tenant;
    private final MergePatch mergePatch;
    private final CampaignReportService reports;

    public CampaignService(CampaignRepository campaigns, TenantContext tenant, MergePatch mergePatch,
            CampaignReportService reports) {
        this.reports = reports;
        this.campaigns = campaigns;
        this.tenant = tenant;
        this.mergePatch = mergePatch;
    }

    public Page<CampaignView> list(ListRequest request, String status) {
        return campaigns.list(request, QueryParams.enumValue("status", status, CampaignStatus.class))
                .map(CampaignView::of);
    }

    public CampaignView get(UUID id) {
        return CampaignView.of(find(id));
    }

    public CampaignView.Metrics metrics(UUID id) {
        return CampaignView.Metrics.of(find(id));
    }

    public CampaignView create(CampaignRequest request) {
        Campaign campaign = new Campaign();
        apply(campaign, request);
        campaigns.persistAndFlush(campaign);
        return CampaignView.of(campaign);
    }

    public CampaignView replace(UUID id, CampaignRequest request) {
        Campaign campaign = findDraft(id);
        campaign.checkVersion(request.version(), "campaign");
        apply(campaign, request);
        campaigns.flush();
        return CampaignView.of(campaign);
    }

    public CampaignView patch(UUID id, JsonNode patch) {
        return replace(id, mergePatch.apply(CampaignRequest.of(find(id)), patch, CampaignRequest.class));
    }

    public void delete(UUID id) {
        Campaign campaign = find(id);
        if (campaign.status == CampaignStatus.SENDING) {
            throw ProblemException.conflict("campaign " + id + " is being sent and cannot be deleted now");
        }
        reports.deleteAllOf(id);
        campaigns.delete(campaign);
        campaigns.flush();
    }

    public Campaign find(UUID id) {
        return campaigns.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("campaign", id));
    }

    private Campaign findDraft(UUID id) {
        Campaign campaign = find(id);
        if (campaign.status != CampaignStatus.DRAFT) {
            throw ProblemException.conflict("campaign " + id + " is " + campaign.status + ": only drafts can change");
        }
        return campaign;
    }

    private void apply(Campaign campaign, CampaignRequest request) {
        tenant.checkWritableWarehouse(request.whid());
        String body = HtmlSanitizer.sanitize(request.bodyHtml());
        if (body.isBlank()) {
            throw ProblemException.invalid("bodyHtml", "has no content left once scripts and unsafe markup are removed");
        }
        campaign.name = request.name().trim();
        campaign.subject = request.subject().trim();
        campaign.bodyHtml = body;
        campaign.audience = request.audience();
        campaign.whid = request.whid();
    }
}
