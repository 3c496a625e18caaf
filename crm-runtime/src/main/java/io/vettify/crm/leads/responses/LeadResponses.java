package io.vettify.crm.leads.responses;

import io.vettify.crm.leads.Lead;
import io.vettify.crm.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * The response SLA of leads, in the transaction of the change: a lead created NEW gets its deadline
 * ({@code vettify.leads.response-sla} after its creation); the first time it leaves NEW it is settled, responded when
 * that is within the deadline, missed after it — unless {@link LeadResponseSweeper} settled it as missed already.
 * The caller has written the lead's change before (so the lead's row is locked first, in the same order as the sweep
 * takes it), and the deadline row is deleted by whichever transaction settles the lead: it is settled exactly once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LeadResponses {

    private final EntityManager entityManager;
    private final TenantContext tenant;
    private final Event<LeadResponseSettled> settled;
    private final Duration sla;

    public LeadResponses(EntityManager entityManager, TenantContext tenant, Event<LeadResponseSettled> settled,
            @ConfigProperty(name = "vettify.leads.response-sla") Duration sla) {
        this.entityManager = entityManager;
        this.tenant = tenant;
        this.settled = settled;
        this.sla = sla;
    }

    /** A lead was created NEW through the API: it is due for a response within the SLA. */
    public void track(Lead lead) {
        entityManager.createNativeQuery(
                "INSERT INTO crm_messaging.lead_response_due (tid, whid, lead_id, due_at) VALUES (?1, ?2, ?3, ?4)")
                .unwrap(NativeQuery.class)
                .setParameter(1, tid())
                .setParameter(2, lead.whid, StandardBasicTypes.STRING)
                .setParameter(3, lead.id)
                .setParameter(4, lead.createdAt.plus(sla))
                .executeUpdate();
    }

    /** The lead left NEW for the first time: its first response, which settles it unless it was settled already. */
    public void responded(Lead lead) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        @SuppressWarnings("unchecked")
        List<String> decided = entityManager.createNativeQuery("DELETE FROM crm_messaging.lead_response_due "
                + "WHERE tid = ?1 AND lead_id = ?2 RETURNING CASE WHEN ?3 <= due_at THEN 'RESPONDED' ELSE 'MISSED' END")
                .setParameter(1, tid())
                .setParameter(2, lead.id)
                .setParameter(3, now)
                .getResultList();
        if (decided.isEmpty()) { // not tracked (created before schema 12, imported, seeded), or settled as missed already
            entityManager.createNativeQuery("UPDATE crm.leads SET first_response_at = ?1 "
                    + "WHERE mid = 'crm' AND id = ?2 AND first_response_at IS NULL")
                    .setParameter(1, now)
                    .setParameter(2, lead.id)
                    .executeUpdate();
            return;
        }
        ResponseOutcome outcome = ResponseOutcome.valueOf(decided.get(0));
        int updated = entityManager.createNativeQuery("UPDATE crm.leads SET first_response_at = ?1, "
                + "response_outcome = ?2 WHERE mid = 'crm' AND id = ?3 AND response_outcome IS NULL")
                .setParameter(1, now)
                .setParameter(2, outcome.name())
                .setParameter(3, lead.id)
                .executeUpdate();
        if (updated == 1) {
            settled.fire(new LeadResponseSettled(tid(), outcome, 1));
        }
    }

    /** The NEW lead moved to another warehouse (or tenant-wide): the sweep must settle it in that context. */
    public void movedWarehouse(Lead lead) {
        entityManager.createNativeQuery(
                "UPDATE crm_messaging.lead_response_due SET whid = ?1 WHERE tid = ?2 AND lead_id = ?3")
                .unwrap(NativeQuery.class)
                .setParameter(1, lead.whid, StandardBasicTypes.STRING)
                .setParameter(2, tid())
                .setParameter(3, lead.id)
                .executeUpdate();
    }

    private String tid() {
        return tenant.tenantId().orElseThrow(() -> new IllegalStateException("a lead's response SLA needs a tenant"));
    }
}
