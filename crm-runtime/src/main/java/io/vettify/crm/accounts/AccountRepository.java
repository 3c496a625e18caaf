package io.vettify.crm.accounts;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.vettify.crm.common.api.ListQuery;
import io.vettify.crm.common.api.ListRequest;
import io.vettify.crm.common.api.Page;
import io.vettify.crm.common.api.SortKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    // The fields below are the server's (registers, churn model), written by background work with bulk updates that
    // leave the account's version alone: a client holding the version it read can still save its own fields.

    /** @return whether the account still has that fiscal code (and so took the outcome) */
    boolean recordVerification(UUID id, String cui, ComplianceStatus status, String officialName, Boolean vatPayer) {
        return update("complianceStatus = ?1, officialName = ?2, vatPayer = ?3, updatedAt = ?4 where id = ?5 and cui = ?6",
                status, officialName, vatPayer, now(), id, cui) == 1;
    }

    boolean markPending(UUID id, String cui) {
        return update("complianceStatus = ?1, updatedAt = ?2 where id = ?3 and cui = ?4",
                ComplianceStatus.PENDING, now(), id, cui) == 1;
    }

    void unverifyIfPending(UUID id, String cui) {
        update("complianceStatus = ?1, updatedAt = ?2 where id = ?3 and cui = ?4 and complianceStatus = ?5",
                ComplianceStatus.UNVERIFIED, now(), id, cui, ComplianceStatus.PENDING);
    }

    void recordEmployees(UUID id, String cui, Integer employees) {
        update("employees = ?1, updatedAt = ?2 where id = ?3 and cui = ?4", employees, now(), id, cui);
    }

    void recordChurn(UUID id, BigDecimal score, ChurnRisk bucket) {
        update("churnScore = ?1, churnRisk = ?2, updatedAt = ?3 where id = ?4", score, bucket, now(), id);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public Optional<Account> findByNameIgnoreCase(String name) {
        return find("lower(name) = lower(?1) order by createdAt, id", name).firstResultOptional();
    }
}
