package io.vettify.operator.testing;

import io.vettify.platform.testing.LocalServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local PostgreSQL 17 (scripts/local-services.sh) as a tenant's database server. Tenants get a provisioning role
 * with CREATEDB and CREATEROLE, not the superuser: the operator must work with the least a DBA would hand out.
 */
public final class TestDatabase {

    public static final String PROVISIONER = "vettify_provisioner";
    private static final String PROVISIONER_PASSWORD = "provisioner-test-only-" + LocalServices.password("postgres").hashCode();
    private static volatile boolean provisionerReady;

    private TestDatabase() {
    }

    public static Map<String, String> adminSecretValues() {
        ensureProvisioner();
        return Map.of("host", "127.0.0.1", "port", String.valueOf(LocalServices.pgPort()), "username", PROVISIONER,
                "password", PROVISIONER_PASSWORD, "sslmode", "disable");
    }

    public static Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + LocalServices.pgPort() + "/" + database,
                "postgres", LocalServices.password("postgres"));
    }

    public static boolean databaseExists(String database) throws SQLException {
        return !query("postgres", "SELECT 1 FROM pg_database WHERE datname = '" + database + "'").isEmpty();
    }

    public static boolean roleExists(String role) throws SQLException {
        return !query("postgres", "SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'").isEmpty();
    }

    /** The first column of every row of {@code sql}, run as superuser in {@code database}. */
    public static List<String> query(String database, String sql) throws SQLException {
        try (var connection = superuser(database); var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            var values = new ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static synchronized void ensureProvisioner() {
        if (provisionerReady) {
            return;
        }
        try (var connection = superuser("postgres"); var statement = connection.createStatement()) {
            var verb = roleExistsOn(connection) ? "ALTER" : "CREATE";
            statement.execute(verb + " ROLE " + PROVISIONER + " LOGIN CREATEDB CREATEROLE PASSWORD '"
                    + PROVISIONER_PASSWORD + "'");
            provisionerReady = true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the provisioning role on the local PostgreSQL", e);
        }
    }

    private static boolean roleExistsOn(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            statement.setString(1, PROVISIONER);
            try (var rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
