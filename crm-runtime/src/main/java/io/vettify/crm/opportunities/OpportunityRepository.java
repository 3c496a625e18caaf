package io.vettify.crm.opportunities;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.vettify.crm.common.api.ListQuery;
import io.vettify.crm.common.api.ListRequest;
import io.vettify.crm.common.api.Page;
import io.vettify.crm.common.api.SortKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OpportunityRepository implements PanacheRepositoryBase<Opportunity, UUID> {

    private static final List<SortKey<Opportunity>> SORT_KEYS = List.of(
            SortKey.text("name", "name", o -> o.name),
            SortKey.decimal("amount", "amount", o -> o.amount),
            SortKey.instant("createdAt", "createdAt", o -> o.createdAt),
            SortKey.instant("updatedAt", "updatedAt", o -> o.updatedAt));

    public Page<Opportunity> list(ListRequest request, Stage stage, UUID accountId, UUID contactId) {
        return ListQuery.of(Opportunity.class, o -> o.id, "-createdAt", SORT_KEYS)
                .search(request.searchText(), "name")
                .equal("stage", stage)
                .equal("accountId", accountId)
                .equal("contactId", contactId)
                .fetch(getEntityManager(), request);
    }

    public long countByAccount(UUID accountId) {
        return count("accountId", accountId);
    }
}
