package io.vettify.crm.campaigns;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CampaignReportRepository implements PanacheRepositoryBase<CampaignReport, UUID> {

    public Optional<CampaignReport> latestOf(UUID campaignId) {
        return find("campaignId = ?1 order by createdAt desc, id desc", campaignId).firstResultOptional();
    }
}
