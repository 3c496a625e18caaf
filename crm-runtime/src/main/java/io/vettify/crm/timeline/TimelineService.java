package io.vettify.crm.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vettify.crm.common.api.ListQuery;
import io.vettify.crm.common.api.ListRequest;
import io.vettify.crm.common.api.Page;
import io.vettify.crm.common.api.SortKey;
import io.vettify.crm.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The account 360 timeline: written by the CRM's own changes and by the consumers of other modules' events. */
@ApplicationScoped
public class TimelineService {

    private static final List<SortKey<TimelineEntry>> SORT_KEYS = List.of(
            SortKey.instant("occurredAt", "occurredAt", e -> e.occurredAt));

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final TenantContext tenant;
    private final Event<AccountActivity> activities;

    public TimelineService(EntityManager entityManager, ObjectMapper mapper, TenantContext tenant,
            Event<AccountActivity> activities) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.tenant = tenant;
        this.activities = activities;
    }

    /**
     * @param whid the warehouse of what happened (null: tenant-wide), so the entry is seen where its source is
     * @param sourceEventId the consumed event this entry comes from, if any
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID accountId, String whid, TimelineKind kind, Instant occurredAt, String summary,
            UUID sourceEventId, Map<String, ?> data) {
        TimelineEntry entry = new TimelineEntry();
        entry.accountId = accountId;
        entry.whid = whid;
        entry.kind = kind;
        entry.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        entry.summary = summary.length() > 500 ? summary.substring(0, 500) : summary;
        entry.sourceEventId = sourceEventId;
        try {
            entry.data = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("timeline data is not serializable", e);
        }
        entityManager.persist(entry);
        tenant.tenantId().ifPresent(tid -> activities.fire(new AccountActivity(tid, whid, accountId, kind, data)));
    }

    /** Newest first by default; keyset-paginated like every list. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Page<TimelineView> list(UUID accountId, ListRequest request) {
        return ListQuery.of(TimelineEntry.class, e -> e.id, "-occurredAt", SORT_KEYS)
                .equal("accountId", accountId)
                .fetch(entityManager, request)
                .map(this::view);
    }

    /** The account's latest entries, newest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TimelineView> recent(UUID accountId, int limit) {
        return entityManager.createQuery("FROM TimelineEntry WHERE accountId = ?1 ORDER BY occurredAt DESC",
                TimelineEntry.class).setParameter(1, accountId).setMaxResults(limit).getResultList()
                .stream().map(this::view).toList();
    }

    /** Entries whose data names one of the ids as its lead, contact or opportunity (GDPR: rows about a person). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TimelineEntry> mentioning(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> texts = ids.stream().map(UUID::toString).toList();
        @SuppressWarnings("unchecked")
        List<TimelineEntry> entries = entityManager.createNativeQuery("""
                SELECT * FROM crm.account_timeline
                WHERE data->>'leadId' IN (:ids) OR data->>'contactId' IN (:ids) OR data->>'opportunityId' IN (:ids)
                ORDER BY occurred_at, id""", TimelineEntry.class)
                .setParameter("ids", texts)
                .getResultList();
        return entries;
    }

    public TimelineView view(TimelineEntry entry) {
        try {
            return new TimelineView(entry.id, entry.kind, entry.occurredAt, entry.summary, mapper.readTree(entry.data),
                    entry.whid);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("timeline entry " + entry.id + " holds invalid JSON", e);
        }
    }
}
