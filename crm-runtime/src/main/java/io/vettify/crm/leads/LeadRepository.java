package io.vettify.crm.leads;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.vettify.crm.common.api.ListQuery;
import io.vettify.crm.common.api.ListRequest;
import io.vettify.crm.common.api.Page;
import io.vettify.crm.common.api.SortKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    private static final List<SortKey<Lead>> SORT_KEYS = List.of(
            SortKey.instant("createdAt", "createdAt", l -> l.createdAt),
            SortKey.instant("updatedAt", "updatedAt", l -> l.updatedAt),
            SortKey.integer("score", "score", l -> l.score),
            SortKey.text("email", "email", l -> l.email));

    public Page<Lead> list(ListRequest request, LeadStatus status, LeadSource source) {
        return ListQuery.of(Lead.class, l -> l.id, "-createdAt", SORT_KEYS)
                .search(request.searchText(), "firstName", "lastName", "email", "company", "cui")
                .equal("status", status)
                .equal("source", source)
                .fetch(getEntityManager(), request);
    }
}
