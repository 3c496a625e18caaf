package io.vettify.crm.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Database;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Row-level security at the SQL level, as the runtime's role: for every table and every tenant/warehouse
 * combination, reads, updates and deletes see exactly the caller's rows, and writes outside them are refused.
 * (Quarkus starts so that the schema is migrated.)
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityTest {

    /** The standard policy, each setting read once per query (V11): the same rows as the plain current_setting form. */
    private static final String STANDARD_POLICY = "((tid = ( SELECT current_setting('app.tid'::text) AS current_setting)) AND "
            + "((whid = ( SELECT current_setting('app.whid'::text) AS current_setting)) OR (whid IS NULL)))";
    private static final List<String> TABLES = List.of("accounts", "contacts", "opportunities", "leads", "campaigns",
            "sales_orders", "account_timeline", "worker_jobs", "attachments", "campaign_reports", "campaign_batches",
            "campaign_recipients", "lead_imports");
    /** Tenant-wide only (whid is always NULL): their isolation between tenants is tested by AuditTrailTest. */
    private static final List<String> TENANT_WIDE_TABLES = List.of("audit_log", "audit_chain_heads");
    private static final String[] WAREHOUSES = {"w1", "w2", null};

    private final String tenantA = Api.newTenant();
    private final String tenantB = Api.newTenant();
    /** Per table: row id → (tenant, warehouse) of the matrix rows. */
    private final Map<String, Map<UUID, Owner>> rows = new HashMap<>();
    private final Map<String, UUID> parentAccounts = new HashMap<>();
    private final Map<String, UUID> parentCampaigns = new HashMap<>();

    record Owner(String tid, String whid) {
    }

    @BeforeAll
    void createMatrix() throws SQLException {
        try (Connection app = Database.connect("vettify_app")) {
            for (String tenant : List.of(tenantA, tenantB)) {
                UUID parent = UUID.randomUUID();
                inContext(app, tenant, null, () -> insert(app, "accounts", parent, null, null));
                parentAccounts.put(tenant, parent);
                UUID campaign = UUID.randomUUID();
                inContext(app, tenant, null, () -> insert(app, "campaigns", campaign, null, null));
                parentCampaigns.put(tenant, campaign);
            }
            for (String table : TABLES) {
                Map<UUID, Owner> tableRows = new HashMap<>();
                for (String tenant : List.of(tenantA, tenantB)) {
                    for (String whid : WAREHOUSES) {
                        UUID id = UUID.randomUUID();
                        inContext(app, tenant, whid, () -> insert(app, table, id, whid, parentOf(table, tenant)));
                        tableRows.put(id, new Owner(tenant, whid));
                    }
                }
                rows.put(table, tableRows);
            }
        }
    }

    @Test
    void everyTableHasRlsEnabledAndForcedWithExactlyTheStandardPolicy() throws SQLException {
        try (Connection owner = Database.connect("vettify_owner");
                PreparedStatement tables = owner.prepareStatement("""
                        SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'crm' AND c.relkind = 'r' ORDER BY c.relname""");
                PreparedStatement policies = owner.prepareStatement("""
                        SELECT tablename, policyname, cmd, permissive, roles::text[], qual, with_check
                        FROM pg_policies WHERE schemaname = 'crm' ORDER BY tablename""")) {
            List<String> found = new ArrayList<>();
            try (ResultSet rs = tables.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                    assertThat(rs.getBoolean(2)).as("RLS enabled on %s", rs.getString(1)).isTrue();
                    assertThat(rs.getBoolean(3)).as("RLS forced on %s", rs.getString(1)).isTrue();
                }
            }
            assertThat(found).containsExactlyInAnyOrderElementsOf(allTables());
            Map<String, Integer> policiesPerTable = new HashMap<>();
            try (ResultSet rs = policies.executeQuery()) {
                while (rs.next()) {
                    policiesPerTable.merge(rs.getString("tablename"), 1, Integer::sum);
                    assertThat(rs.getString("cmd")).isEqualTo("ALL");
                    assertThat(rs.getString("permissive")).isEqualTo("PERMISSIVE");
                    assertThat((String[]) rs.getArray("roles").getArray()).containsExactly("public");
                    assertThat(rs.getString("qual")).isEqualTo(STANDARD_POLICY);
                    assertThat(rs.getString("with_check")).isEqualTo(STANDARD_POLICY);
                }
            }
            assertThat(policiesPerTable).containsOnlyKeys(allTables()).allSatisfy((table, count) -> assertThat(count).isEqualTo(1));
        }
    }

    private static List<String> allTables() {
        List<String> all = new ArrayList<>(TABLES);
        all.addAll(TENANT_WIDE_TABLES);
        return all;
    }

    @Test
    void theRuntimeRoleOwnsNothingAndCannotBypassRls() throws SQLException {
        try (Connection admin = Database.connect("postgres");
                PreparedStatement role = admin.prepareStatement(
                        "SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = 'vettify_app'");
                PreparedStatement owned = admin.prepareStatement("""
                        SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname IN ('crm', 'crm_meta') AND pg_get_userbyid(c.relowner) = 'vettify_app'""")) {
            try (ResultSet rs = role.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("superuser").isFalse();
                assertThat(rs.getBoolean(2)).as("bypassrls").isFalse();
                assertThat(rs.getBoolean(3)).as("createrole").isFalse();
                assertThat(rs.getBoolean(4)).as("createdb").isFalse();
            }
            try (ResultSet rs = owned.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
        try (Connection app = Database.connect("vettify_app")) {
            assertThatThrownBy(() -> app.createStatement().execute("ALTER TABLE crm.leads DISABLE ROW LEVEL SECURITY"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("must be owner");
            assertThatThrownBy(() -> app.createStatement().execute("SET row_security = off; SELECT * FROM crm.leads"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> app.createStatement().execute("CREATE TABLE crm.sneaky (id int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"accounts", "contacts", "opportunities", "leads", "campaigns", "sales_orders",
        "account_timeline", "worker_jobs", "attachments", "campaign_reports", "campaign_batches",
        "campaign_recipients", "lead_imports"})
    void eachCallerSeesExactlyItsTenantsRowsOfItsWarehouseAndTenantWideRows(String table) throws SQLException {
        Map<UUID, Owner> matrix = rows.get(table);
        try (Connection app = Database.connect("vettify_app")) {
            for (String tenant : List.of(tenantA, tenantB)) {
                for (String whid : WAREHOUSES) {
                    Set<UUID> expected = new HashSet<>();
                    matrix.forEach((id, owner) -> {
                        if (owner.tid().equals(tenant) && (owner.whid() == null || owner.whid().equals(whid))) {
                            expected.add(id);
                        }
                    });
                    Set<UUID> visible = new HashSet<>();
                    inContext(app, tenant, whid, () -> visible.addAll(visibleIds(app, table, matrix.keySet())));
                    assertThat(visible).as("%s visible to %s/%s", table, tenant, whid).isEqualTo(expected);
                }
            }
            Set<UUID> withoutContext = new HashSet<>();
            inContext(app, null, null, () -> withoutContext.addAll(visibleIds(app, table, matrix.keySet())));
            assertThat(withoutContext).as("a session without tenant context").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"accounts", "contacts", "opportunities", "leads", "campaigns", "sales_orders",
        "account_timeline", "worker_jobs", "attachments", "campaign_reports", "campaign_batches",
        "campaign_recipients", "lead_imports"})
    void updatesAndDeletesNeverReachRowsOutsideTheCallersScope(String table) throws SQLException {
        Map<UUID, Owner> matrix = rows.get(table);
        try (Connection app = Database.connect("vettify_app")) {
            for (var row : matrix.entrySet()) {
                Owner owner = row.getValue();
                // Every caller that must not see this row: the other tenant (any warehouse), and same-tenant
                // callers of another or no warehouse when the row belongs to a warehouse.
                for (String tenant : List.of(tenantA, tenantB)) {
                    for (String whid : WAREHOUSES) {
                        boolean visible = owner.tid().equals(tenant) && (owner.whid() == null || owner.whid().equals(whid));
                        if (visible) {
                            continue;
                        }
                        inContextRolledBack(app, tenant, whid, () -> {
                            assertThat(execute(app, "UPDATE crm." + table + " SET updated_at = now() WHERE id = ?", row.getKey()))
                                    .as("update of %s row %s by %s/%s", table, owner, tenant, whid).isZero();
                            assertThat(execute(app, "DELETE FROM crm." + table + " WHERE id = ?", row.getKey()))
                                    .as("delete of %s row %s by %s/%s", table, owner, tenant, whid).isZero();
                        });
                    }
                }
            }
            // The rows are all still there for their owners.
            for (String tenant : List.of(tenantA, tenantB)) {
                for (String whid : List.of("w1", "w2")) {
                    Set<UUID> visible = new HashSet<>();
                    inContext(app, tenant, whid, () -> visible.addAll(visibleIds(app, table, matrix.keySet())));
                    assertThat(visible).hasSize(2);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"accounts", "contacts", "opportunities", "leads", "campaigns", "sales_orders",
        "account_timeline", "worker_jobs", "attachments", "campaign_reports", "campaign_batches",
        "campaign_recipients", "lead_imports"})
    void writesOutsideTheCallersTenantOrWarehouseAreRejectedByWithCheck(String table) throws SQLException {
        try (Connection app = Database.connect("vettify_app")) {
            UUID parent = parentOf(table, tenantA);
            // another tenant's tid, written explicitly
            assertRlsViolation(app, tenantA, "w1", () -> insertAsTenant(app, table, tenantB, null, parent));
            // another warehouse, from a warehouse caller and from a tenant-wide caller
            assertRlsViolation(app, tenantA, "w1", () -> insert(app, table, UUID.randomUUID(), "w2", parent));
            assertRlsViolation(app, tenantA, null, () -> insert(app, table, UUID.randomUUID(), "w1", parent));
            // moving a visible row to another warehouse or tenant
            UUID mine = rows.get(table).entrySet().stream()
                    .filter(e -> e.getValue().equals(new Owner(tenantA, "w1"))).findFirst().orElseThrow().getKey();
            assertRlsViolation(app, tenantA, "w1", () -> execute(app, "UPDATE crm." + table + " SET whid = 'w2' WHERE id = ?", mine));
            assertRlsViolation(app, tenantA, "w1", () -> execute(app, "UPDATE crm." + table + " SET tid = '" + tenantB + "' WHERE id = ?", mine));
        }
    }

    @Test
    void aRowWrittenWithoutTenantContextIsRefused() throws SQLException {
        try (Connection app = Database.connect("vettify_app")) {
            app.setAutoCommit(true);
            assertThatThrownBy(() -> insert(app, "leads", UUID.randomUUID(), null, null))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("23514", "42501"));
        }
    }

    private void assertRlsViolation(Connection app, String tid, String whid, SqlWork work) {
        assertThatThrownBy(() -> inContextRolledBack(app, tid, whid, work))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("row-level security");
    }

    interface SqlWork {
        void run() throws SQLException;
    }

    private static void inContext(Connection connection, String tid, String whid, SqlWork work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            if (tid != null) {
                try (PreparedStatement set = connection.prepareStatement(
                        "SELECT set_config('app.tid', ?, true), set_config('app.whid', ?, true)")) {
                    set.setString(1, tid);
                    set.setString(2, Objects.requireNonNullElse(whid, ""));
                    set.execute();
                }
            }
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void inContextRolledBack(Connection connection, String tid, String whid, SqlWork work)
            throws SQLException {
        inContext(connection, tid, whid, () -> {
            work.run();
            connection.rollback();
        });
    }

    private static Set<UUID> visibleIds(Connection connection, String table, Set<UUID> ids) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM crm." + table + " WHERE id = ANY(?)")) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            select.setArray(1, array);
            Set<UUID> visible = new HashSet<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    visible.add(rs.getObject(1, UUID.class));
                }
            }
            return visible;
        }
    }

    private static int execute(Connection connection, String sql, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            return statement.executeUpdate();
        }
    }

    /** The tenant-wide row a matrix row of {@code table} references: its campaign, or its account. */
    private UUID parentOf(String table, String tenant) {
        return table.startsWith("campaign_") ? parentCampaigns.get(tenant) : parentAccounts.get(tenant);
    }

    private static void insert(Connection connection, String table, UUID id, String whid, UUID accountId)
            throws SQLException {
        insertAsTenant(connection, table, null, whid, accountId, id);
    }

    private static void insertAsTenant(Connection connection, String table, String tid, String whid, UUID accountId)
            throws SQLException {
        insertAsTenant(connection, table, tid, whid, accountId, UUID.randomUUID());
    }

    /** Inserts a minimal valid row; {@code tid} null lets the database take it from the context. */
    private static void insertAsTenant(Connection connection, String table, String tid, String whid, UUID accountId,
            UUID id) throws SQLException {
        String columns = switch (table) {
            case "accounts" -> "name";
            case "contacts" -> "last_name";
            case "opportunities" -> "name, account_id";
            case "leads" -> "email";
            case "campaigns" -> "name, subject, body_html, audience";
            case "sales_orders" -> "order_number, account_id, amount, currency, ordered_at";
            case "account_timeline" -> "account_id, occurred_at, kind, summary";
            case "worker_jobs" -> "worker, deadline, request";
            case "attachments" -> "subject_type, account_id, filename, content_type, size_bytes, sha256, object_key, created_by";
            case "campaign_reports" -> "campaign_id, job_id, size_bytes, sha256, object_key";
            case "campaign_batches" -> "campaign_id, batch_no, size";
            case "campaign_recipients" -> "campaign_id, email, batch_no";
            case "lead_imports" -> "status, file_sha256, file_bytes, mapping, total_rows, accepted_rows, imported_rows, "
                    + "duplicate_rows, invalid_rows, errors, errors_truncated";
            default -> throw new IllegalArgumentException(table);
        };
        String values = switch (table) {
            case "opportunities" -> "'Row', ?";
            case "sales_orders" -> "'SO-1', ?, 10, 'RON', now()";
            case "account_timeline" -> "?, now(), 'SALES_ORDER_CREATED', 'Row'";
            case "worker_jobs" -> "'ai.summary', now() + interval '1 minute', '{}'::jsonb";
            case "attachments" -> "'account', ?, 'row.pdf', 'application/pdf', 1, repeat('0', 64), gen_random_uuid()::text, 'rls'";
            // a job of the caller's own warehouse: a report is unique per job
            case "campaign_reports" -> "(SELECT id FROM crm.campaigns LIMIT 1), (SELECT id FROM crm.worker_jobs"
                    + " WHERE whid IS NOT DISTINCT FROM nullif(current_setting('app.whid'), '')), 1, repeat('0', 64),"
                    + " gen_random_uuid()::text";
            // unique per campaign: a random batch number, a random address
            case "campaign_batches" -> "(SELECT id FROM crm.campaigns LIMIT 1), floor(random() * 1000000000)::int, 1";
            case "campaign_recipients" -> "(SELECT id FROM crm.campaigns LIMIT 1), gen_random_uuid()::text || '@rls.example', 1";
            case "lead_imports" -> "'PREVIEWED', repeat('0', 64), 0, '{}'::jsonb, 0, 0, 0, 0, 0, '[]'::jsonb, false";
            case "leads" -> "'row@rls.example'";
            case "campaigns" -> "'Row', 'Subject', '<p>x</p>', '{}'::jsonb";
            default -> "'Row'";
        };
        String sql = "INSERT INTO crm." + table + " (" + (tid == null ? "" : "tid, ") + "id, whid, created_at, updated_at, "
                + columns + ") VALUES (" + (tid == null ? "" : "?, ") + "?, ?, now(), now(), " + values + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            if (tid != null) {
                statement.setString(i++, tid);
            }
            statement.setObject(i++, id);
            statement.setString(i++, whid);
            if (List.of("opportunities", "sales_orders", "account_timeline", "attachments").contains(table)) {
                statement.setObject(i, accountId);
            }
            statement.executeUpdate();
        }
    }
}
