package io.vettify.operator.database;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.vettify.operator.tenant.ConditionType;
import io.vettify.operator.tenant.ProvisioningException;
import io.vettify.operator.tenant.TenantDependent;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * A2/A8: the runtime's own Flyway migrations (packaged from crm-runtime), applied as the tenant's owner role up to the
 * schema version of {@code spec.runtime.version}, then the DML grants to the runtime role (the afterMigrate callback)
 * and a catalog check that row-level security is enabled and forced on every CRM table.
 */
public class TenantSchema implements DependentResource<TenantSchema.Migrated, VettifyTenant>, TenantDependent {

    /** The context key under which the reconciler finds the schema version for the tenant's status. */
    public static final String SCHEMA_VERSION = "schemaVersion";

    /** The schema version reached (a class, not a record: the operator's build-time index resolves its hierarchy). */
    public static final class Migrated {
        public final String version;
        public final int applied;

        Migrated(String version, int applied) {
            this.version = version;
            this.applied = applied;
        }
    }

    @Inject
    RuntimeReleases releases;

    /** Its name in the workflow (an external dependent has no name setter: the workflow looks it up by this). */
    public static final String NAME = "schema";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConditionType condition() {
        return ConditionType.SchemaMigrated;
    }

    @Override
    public Class<Migrated> resourceType() {
        return Migrated.class;
    }

    @Override
    public ReconcileResult<Migrated> reconcile(VettifyTenant tenant, Context<VettifyTenant> context) {
        var target = releases.schemaVersion(tenant.getSpec().runtime.version);
        var server = DatabaseServer.of(tenant, context.getClient());
        var passwords = TenantDatabase.RolePasswords.of(tenant, context);
        var database = TenantNames.databaseName(tenant);
        var flyway = Flyway.configure(TenantSchema.class.getClassLoader())
                .dataSource(server.jdbcUrl(database) + "?sslmode=" + server.sslMode() + "&connectTimeout=5",
                        TenantNames.ownerRole(tenant), passwords.owner())
                .locations("classpath:db/migration", "classpath:db/callbacks")
                .schemas("crm_meta", "crm", "crm_messaging")
                .defaultSchema("crm_meta")
                .placeholders(Map.of("appRole", TenantNames.runtimeRole(tenant)))
                .target(MigrationVersion.fromVersion(target))
                .validateMigrationNaming(true)
                .connectRetries(0)
                .load();
        int applied;
        try {
            applied = flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            var sqlFailure = sqlException(e);
            if (sqlFailure != null && sqlFailure.getSQLState() != null && sqlFailure.getSQLState().matches("08.*|28.*")) {
                throw DatabaseServer.failure("migrating database " + database, sqlFailure);
            }
            throw new ProvisioningException("MigrationFailed",
                    "migrating database %s to schema version %s: %s".formatted(database, target, rootMessage(e)), e);
        }
        var current = flyway.info().current();
        var version = current == null ? "0" : current.getVersion().getVersion();
        checkRowLevelSecurity(server, database, TenantNames.ownerRole(tenant), passwords.owner());
        context.managedWorkflowAndDependentResourceContext().put(SCHEMA_VERSION, version);
        var migrated = new Migrated(version, applied);
        return applied > 0 ? ReconcileResult.resourceUpdated(migrated) : ReconcileResult.noOperation(migrated);
    }

    private static void checkRowLevelSecurity(DatabaseServer server, String database, String owner, String password) {
        List<String> unprotected = new ArrayList<>();
        try (var connection = server.connect(database, owner, password);
                var statement = connection.prepareStatement("""
                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'crm' AND c.relkind IN ('r', 'p')
                          AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
                        ORDER BY 1""");
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                unprotected.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw DatabaseServer.failure("checking row-level security in " + database, e);
        }
        if (!unprotected.isEmpty()) {
            throw new ProvisioningException("RowLevelSecurityMissing",
                    "tables without enabled and forced row-level security in %s: %s"
                            .formatted(database, String.join(", ", unprotected)));
        }
    }

    private static SQLException sqlException(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getMessage() : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
