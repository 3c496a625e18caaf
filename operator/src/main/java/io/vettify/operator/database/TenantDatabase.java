package io.vettify.operator.database;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.vettify.operator.secrets.SecretValues;
import io.vettify.operator.tenant.ConditionType;
import io.vettify.operator.tenant.TenantDependent;
import io.vettify.operator.tenant.TenantEvents;
import io.vettify.operator.tenant.TenantNames;
import io.vettify.operator.tenant.VettifyTenant;
import io.vettify.operator.tenant.VettifyTenantSpec.DeletionPolicy;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.core.Utils;

/**
 * A2: the tenant's database on its PostgreSQL server, owned by the tenant's owner role (which migrates), with a
 * runtime role that may only connect (its DML grants come with the schema). Idempotent: roles get the passwords of
 * {@link DatabaseRolesSecret} on every pass. {@code deletionPolicy: Delete} drops database and roles.
 */
public class TenantDatabase implements DependentResource<TenantDatabase.Provisioned, VettifyTenant>,
        Deleter<VettifyTenant>, TenantDependent {

    /** What was provisioned (a class, not a record: the operator's build-time index resolves its hierarchy). */
    public static final class Provisioned {
        public final String database;
        public final String ownerRole;
        public final String runtimeRole;

        Provisioned(String database, String ownerRole, String runtimeRole) {
            this.database = database;
            this.ownerRole = ownerRole;
            this.runtimeRole = runtimeRole;
        }
    }

    @Inject
    TenantEvents events;

    @Inject
    DeletionGrace deletionGrace;

    /** Its name in the workflow (an external dependent has no name setter: the workflow looks it up by this). */
    public static final String NAME = "database";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConditionType condition() {
        return ConditionType.DatabaseReady;
    }

    @Override
    public Class<Provisioned> resourceType() {
        return Provisioned.class;
    }

    @Override
    public ReconcileResult<Provisioned> reconcile(VettifyTenant tenant, Context<VettifyTenant> context) {
        var server = DatabaseServer.of(tenant, context.getClient());
        var roles = RolePasswords.of(tenant, context);
        var provisioned = new Provisioned(TenantNames.databaseName(tenant), TenantNames.ownerRole(tenant),
                TenantNames.runtimeRole(tenant));
        try (var admin = server.connectAsAdmin("postgres")) {
            boolean created = !exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", provisioned.database);
            ensureRole(admin, provisioned.ownerRole, roles.owner());
            ensureRole(admin, provisioned.runtimeRole, roles.runtime());
            if (created) {
                if (!isSuperuser(admin)) {
                    // Since PostgreSQL 16 a CREATEROLE admin must be able to SET ROLE to a database's owner.
                    execute(admin, "GRANT " + ident(provisioned.ownerRole) + " TO CURRENT_USER");
                }
                execute(admin, "CREATE DATABASE " + ident(provisioned.database) + " OWNER "
                        + ident(provisioned.ownerRole) + " ENCODING 'UTF8'");
            }
            var database = ident(provisioned.database);
            execute(admin, "REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            execute(admin, "GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + ident(provisioned.runtimeRole));
            return created ? ReconcileResult.resourceCreated(provisioned) : ReconcileResult.noOperation(provisioned);
        } catch (SQLException e) {
            throw DatabaseServer.failure("provisioning database " + provisioned.database, e);
        }
    }

    @Override
    public void delete(VettifyTenant tenant, Context<VettifyTenant> context) {
        var database = TenantNames.databaseName(tenant);
        if (tenant.getSpec().deletionPolicy != DeletionPolicy.Delete) {
            events.normal(tenant, "DatabaseRetained", "deletionPolicy Retain: database %s and its roles are kept"
                    .formatted(database));
            return;
        }
        try {
            var server = DatabaseServer.of(tenant, context.getClient());
            try (var admin = server.connectAsAdmin("postgres")) {
                execute(admin, "DROP DATABASE IF EXISTS " + ident(database) + " WITH (FORCE)");
                execute(admin, "DROP ROLE IF EXISTS " + ident(TenantNames.runtimeRole(tenant)));
                execute(admin, "DROP ROLE IF EXISTS " + ident(TenantNames.ownerRole(tenant)));
            }
            events.normal(tenant, "DatabaseDropped", "database %s and its roles were dropped".formatted(database));
        } catch (RuntimeException | SQLException e) {
            deletionGrace.retryOrRelease(tenant, "DatabaseNotDropped",
                    "database %s could not be dropped: %s".formatted(database, e.getMessage()), e);
        }
    }

    private static void ensureRole(Connection admin, String role, String password) throws SQLException {
        var passwordLiteral = "'" + Utils.escapeLiteral(null, password, true) + "'";
        if (exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
            // A CREATEROLE admin may not touch SUPERUSER (even to say NOSUPERUSER): only login and password.
            execute(admin, "ALTER ROLE " + ident(role) + " LOGIN PASSWORD " + passwordLiteral);
        } else {
            execute(admin, "CREATE ROLE " + ident(role) + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD "
                    + passwordLiteral);
        }
    }

    private static boolean isSuperuser(Connection admin) throws SQLException {
        return exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = current_user AND rolsuper", null);
    }

    private static boolean exists(Connection connection, String sql, String parameter) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (var rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String ident(String name) {
        try {
            return Utils.escapeIdentifier(null, name).toString();
        } catch (SQLException e) {
            throw new IllegalArgumentException("not a valid identifier: " + name, e);
        }
    }

    /** The passwords {@link DatabaseRolesSecret} keeps for the owner and runtime roles. */
    record RolePasswords(String owner, String runtime) {

        static RolePasswords of(VettifyTenant tenant, Context<VettifyTenant> context) {
            var secret = SecretValues.read(context.getClient(), tenant.getMetadata().getNamespace(),
                    TenantNames.databaseRolesSecret(tenant));
            return new RolePasswords(secret.required(DatabaseRolesSecret.OWNER_PASSWORD),
                    secret.required(DatabaseRolesSecret.RUNTIME_PASSWORD));
        }
    }
}
