package io.vettify.crm.leads.imports;

import io.vettify.crm.leads.Lead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

/**
 * The import's SQL, on the transaction's own connection (so under its tenant context and row-level security): one
 * statement per chunk to find the existing emails and one to insert a chunk's leads (arrays unnested), instead of a
 * statement per row.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LeadImportStore implements ImportSink {

    /**
     * The chunk's emails that the tenant already has, on {@code (tid, email_key)}. Set-based on purpose: its worst plan
     * (statistics that still describe a small table right after a large import) is one pass over the tenant's rows with
     * a hashed list per chunk, bounded; a per-email lateral probe could instead stall for minutes.
     */
    private static final String EXISTING = "SELECT DISTINCT email_key FROM crm.leads "
            + "WHERE tid = current_setting('app.tid') AND email_key = ANY(?::text[])";
    private static final String INSERT = "INSERT INTO crm.leads (id, whid, first_name, last_name, email, company, cui, "
            + "source, status, consent_source, consent_updated_at, score, marketing_consent, created_at, updated_at) "
            + "SELECT *, ?, ? FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::int[], ?::boolean[])";

    private final EntityManager entityManager;

    public LeadImportStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Plans every duplicate lookup of this transaction for its own execution. A plan cached on the pooled connection
     * may date from when the table was small and walk the tenant's rows through another {@code tid} index instead of
     * probing {@code (tid, email_key)}.
     */
    void planEachLookup() {
        entityManager.createNativeQuery("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)")
                .getSingleResult();
    }

    /**
     * Serializes the commits of one tenant until the transaction ends, so two commits of the same file cannot both
     * find an email new and insert it twice.
     */
    void lockTenantImports() {
        entityManager.createNativeQuery(
                "SELECT pg_advisory_xact_lock(hashtext('crm.lead_imports'), hashtext(current_setting('app.tid')))")
                .getSingleResult();
    }

    @Override
    public Set<String> existingEmails(Collection<String> lowerCaseEmails) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(EXISTING)) {
                statement.setArray(1, connection.createArrayOf("text", lowerCaseEmails.toArray()));
                Set<String> existing = new HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        existing.add(rows.getString(1));
                    }
                }
                return existing;
            }
        });
    }

    @Override
    public int insert(List<Lead> leads) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                statement.setObject(1, now);
                statement.setObject(2, now);
                Object[][] columns = new Object[13][leads.size()];
                for (int i = 0; i < leads.size(); i++) {
                    Lead lead = leads.get(i);
                    columns[0][i] = lead.id;
                    columns[1][i] = lead.whid;
                    columns[2][i] = lead.firstName;
                    columns[3][i] = lead.lastName;
                    columns[4][i] = lead.email;
                    columns[5][i] = lead.company;
                    columns[6][i] = lead.cui;
                    columns[7][i] = lead.source.name();
                    columns[8][i] = lead.status.name();
                    columns[9][i] = lead.consentSource == null ? null : lead.consentSource.name();
                    columns[10][i] = lead.consentUpdatedAt == null ? null : lead.consentUpdatedAt.toString();
                    columns[11][i] = lead.score;
                    columns[12][i] = lead.marketingConsent;
                }
                statement.setArray(3, connection.createArrayOf("uuid", columns[0]));
                for (int column = 1; column <= 10; column++) {
                    statement.setArray(column + 3, connection.createArrayOf("text", columns[column]));
                }
                statement.setArray(14, connection.createArrayOf("int4", columns[11]));
                statement.setArray(15, connection.createArrayOf("bool", columns[12]));
                return statement.executeUpdate();
            }
        });
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
