package io.vettify.crm.contacts;

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
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    private static final List<SortKey<Contact>> SORT_KEYS = List.of(
            SortKey.text("lastName", "lastName", c -> c.lastName),
            SortKey.instant("createdAt", "createdAt", c -> c.createdAt),
            SortKey.instant("updatedAt", "updatedAt", c -> c.updatedAt));

    public Page<Contact> list(ListRequest request, UUID accountId, Boolean marketingConsent) {
        return ListQuery.of(Contact.class, c -> c.id, "-createdAt", SORT_KEYS)
                .search(request.searchText(), "firstName", "lastName", "email", "title")
                .equal("accountId", accountId)
                .equal("marketingConsent", marketingConsent)
                .fetch(getEntityManager(), request);
    }

    public Optional<Contact> findByAccountAndEmail(UUID accountId, String email) {
        return find("accountId = ?1 and lower(email) = lower(?2) order by createdAt, id", accountId, email)
                .firstResultOptional();
    }
}
