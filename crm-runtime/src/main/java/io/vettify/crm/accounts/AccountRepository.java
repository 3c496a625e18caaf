package io.vettify.crm.accounts;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.vettify.crm.common.api.ListQuery;
import io.vettify.crm.common.api.ListRequest;
import io.vettify.crm.common.api.Page;
import io.vettify.crm.common.api.SortKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    private static final List<SortKey<Account>> SORT_KEYS = List.of(
            SortKey.text("name", "name", a -> a.name),
            SortKey.instant("createdAt", "createdAt", a -> a.createdAt),
            SortKey.instant("updatedAt", "updatedAt", a -> a.updatedAt));

    public Page<Account> list(ListRequest request, String industry, ComplianceStatus complianceStatus) {
        return ListQuery.of(Account.class, a -> a.id, "-createdAt", SORT_KEYS)
                .search(request.searchText(), "name", "cui", "website", "officialName")
                .equal("industry", industry)
                .equal("complianceStatus", complianceStatus)
                .fetch(getEntityManager(), request);
    }

    public Optional<Account> findByCui(String cui) {
        return find("cui", cui).firstResultOptional();
    }

    public Optional<Account> findByNameIgnoreCase(String name) {
        return find("lower(name) = lower(?1) order by createdAt, id", name).firstResultOptional();
    }
}
