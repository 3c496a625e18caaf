package io.vettify.crm.leads.responses;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vettify.crm.tenancy.TenantIds;
import io.vettify.crm.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Settles the leads whose response deadline passed while they were still NEW as missed. Each run takes at most
 * {@code vettify.leads.response-sweep.batch-size} overdue deadlines, oldest first, so a backlog is worked off run by run
 * without a load spike; one runner at a time across all replicas (a transaction-level advisory lock). The leads are
 * settled per tenant and warehouse, in that context (row-level security applies), taking each lead's row with
 * {@code FOR UPDATE SKIP LOCKED}: a lead that a request is answering right now is left to that request. A runtime
 * pinned to one tenant sweeps that tenant only.
 */
@ApplicationScoped
public class LeadResponseSweeper {

    private static final Logger LOG = Logger.getLogger(LeadResponseSweeper.class);
    private static final long SWEEP_LOCK = 0x76657474_69667952L; // "vettifyR"

    private final EntityManager entityManager;
    private final TenantScope tenantScope;
    private final Event<LeadResponseSettled> settled;
    private final Optional<String> pinnedTenant;
    private final int batchSize;

    public LeadResponseSweeper(EntityManager entityManager, TenantScope tenantScope, Event<LeadResponseSettled> settled,
            @ConfigProperty(name = "vettify.tenant.id") Optional<String> pinnedTenant,
            @ConfigProperty(name = "vettify.leads.response-sweep.batch-size") int batchSize) {
        this.entityManager = entityManager;
        this.tenantScope = tenantScope;
        this.settled = settled;
        this.pinnedTenant = pinnedTenant.filter(TenantIds::isValidTenantId);
        this.batchSize = batchSize;
    }

    @Scheduled(every = "${vettify.leads.response-sweep.interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warnf(e, "lead response sweep: the database failed; the next run retries");
        }
    }

    /** Settles one batch of overdue leads as missed; returns how many it settled (0 when another runner is at it). */
    public int sweep() {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean sweepLock = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, SWEEP_LOCK).getSingleResult();
            if (!sweepLock) {
                return 0;
            }
            int missed = 0;
            for (var overdue : overdueByContext().entrySet()) {
                missed += settleMissed(overdue.getKey(), overdue.getValue());
            }
            return missed;
        });
    }

    /** Where leads are settled: the tenant and warehouse (null: tenant-wide) whose context can see them. */
    private record Context(String tid, String whid) {
    }

    private Map<Context, List<UUID>> overdueByContext() {
        Query query = entityManager.createNativeQuery("SELECT tid, whid, lead_id FROM crm_messaging.lead_response_due "
                + "WHERE due_at <= now()" + (pinnedTenant.isPresent() ? " AND tid = ?2" : "")
                + " ORDER BY due_at LIMIT ?1").setParameter(1, batchSize);
        pinnedTenant.ifPresent(tid -> query.setParameter(2, tid));
        Map<Context, List<UUID>> overdue = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            overdue.computeIfAbsent(new Context((String) columns[0], (String) columns[1]), context -> new ArrayList<>())
                    .add((UUID) columns[2]);
        }
        return overdue;
    }

    /**
     * In the context's own transaction: marks the overdue leads that are still NEW and unsettled as missed, and drops
     * the deadlines that need nothing more (settled now, answered or deleted meanwhile). A deadline whose lead is taken
     * by a request stays for that request, or for the next run.
     */
    private int settleMissed(Context context, List<UUID> leadIds) {
        int[] missed = {0};
        tenantScope.inTransaction(context.tid(), context.whid(), () -> {
            @SuppressWarnings("unchecked")
            List<UUID> settledNow = entityManager.createNativeQuery("""
                    UPDATE crm.leads SET response_outcome = 'MISSED' WHERE mid = 'crm' AND id IN (
                      SELECT id FROM crm.leads WHERE mid = 'crm' AND id IN (:ids) AND status = 'NEW'
                        AND response_outcome IS NULL FOR UPDATE SKIP LOCKED)
                    RETURNING id""").setParameter("ids", leadIds).getResultList();
            @SuppressWarnings("unchecked")
            List<UUID> stillDue = entityManager.createNativeQuery("""
                    SELECT id FROM crm.leads WHERE mid = 'crm' AND id IN (:ids) AND status = 'NEW'
                      AND response_outcome IS NULL""").setParameter("ids", leadIds).getResultList();
            Set<UUID> done = new HashSet<>(leadIds);
            stillDue.forEach(done::remove);
            if (!done.isEmpty()) {
                entityManager.createNativeQuery(
                        "DELETE FROM crm_messaging.lead_response_due WHERE tid = :tid AND lead_id IN (:ids)")
                        .setParameter("tid", context.tid()).setParameter("ids", done).executeUpdate();
            }
            if (!settledNow.isEmpty()) {
                settled.fire(new LeadResponseSettled(context.tid(), ResponseOutcome.MISSED, settledNow.size()));
            }
            missed[0] = settledNow.size();
        });
        return missed[0];
    }
}
