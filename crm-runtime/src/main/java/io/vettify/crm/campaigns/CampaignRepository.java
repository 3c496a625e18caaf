package io.vettify.crm.campaigns;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.vettify.crm.common.api.ListQuery;
import io.vettify.crm.common.api.ListRequest;
import io.vettify.crm.common.api.Page;
import io.vettify.crm.common.api.SortKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {

    private static final List<SortKey<Campaign>> SORT_KEYS = List.of(
            SortKey.text("name", "name", c -> c.name),
            SortKey.instant("createdAt", "createdAt", c -> c.createdAt),
            SortKey.instant("updatedAt", "updatedAt", c -> c.updatedAt));

    public Page<Campaign> list(ListRequest request, CampaignStatus status) {
        return ListQuery.of(Campaign.class, c -> c.id, "-createdAt", SORT_KEYS)
                .search(request.searchText(), "name", "subject")
                .equal("status", status)
                .fetch(getEntityManager(), request);
    }
}
