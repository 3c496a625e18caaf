package io.vettify.crm.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tenant's audit entries and the head of its chain (row-level security scopes both to the tenant). */
@ApplicationScoped
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntry, UUID> {

    /** The last entry of a tenant's chain: seq 0 and {@link AuditChain#GENESIS} before the first. */
    public record Head(long lastSeq, String lastHash) {

        static final Head EMPTY = new Head(0, AuditChain.GENESIS);
    }

    /**
     * Locks the tenant's chain head until the transaction ends, creating it on the first entry: appends of one
     * tenant take turns, so each links to the one committed before it.
     */
    public Head lockHead() {
        getEntityManager().createNativeQuery("""
                INSERT INTO crm.audit_chain_heads (id, last_seq, last_hash, updated_at)
                VALUES (gen_random_uuid(), 0, ?1, now()) ON CONFLICT (tid, mid) DO NOTHING""")
                .setParameter(1, AuditChain.GENESIS)
                .executeUpdate();
        Object[] row = (Object[]) getEntityManager()
                .createNativeQuery("SELECT last_seq, last_hash FROM crm.audit_chain_heads FOR UPDATE")
                .getSingleResult();
        return new Head(((Number) row[0]).longValue(), (String) row[1]);
    }

    public void advanceHead(AuditEntry last) {
        getEntityManager().createNativeQuery(
                        "UPDATE crm.audit_chain_heads SET last_seq = ?1, last_hash = ?2, updated_at = now()")
                .setParameter(1, last.seq)
                .setParameter(2, last.hash)
                .executeUpdate();
    }

    /** The head as last committed (no lock). */
    public Head head() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("SELECT last_seq, last_hash FROM crm.audit_chain_heads")
                .getResultList();
        return rows.isEmpty() ? Head.EMPTY : new Head(((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1]);
    }

    /** Up to {@code limit} entries after {@code afterSeq} and up to {@code untilSeq}, in chain order. */
    public List<AuditEntry> page(long afterSeq, long untilSeq, Optional<Instant> from, Optional<Instant> to,
            int limit) {
        StringBuilder query = new StringBuilder("seq > :after and seq <= :until");
        Parameters parameters = Parameters.with("after", afterSeq).and("until", untilSeq);
        if (from.isPresent()) {
            query.append(" and occurredAt >= :from");
            parameters = parameters.and("from", from.get());
        }
        if (to.isPresent()) {
            query.append(" and occurredAt < :to");
            parameters = parameters.and("to", to.get());
        }
        var find = find(query.append(" order by seq").toString(), parameters);
        return find.page(0, limit).list();
    }
}
