package io.vettify.operator.database;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.vettify.operator.secrets.SecretValues;
import io.vettify.operator.secrets.TenantSecret;
import io.vettify.operator.tenant.ProvisioningException;
import io.vettify.operator.tenant.VettifyTenant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** The tenant's PostgreSQL server, as its admin Secret describes it (keys host, port, username, password, sslmode). */
public record DatabaseServer(String host, int port, String adminUser, String adminPassword, String sslMode) {

    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final int SOCKET_TIMEOUT_SECONDS = 300;

    public static DatabaseServer of(VettifyTenant tenant, KubernetesClient client) {
        var secret = SecretValues.read(client, tenant.getMetadata().getNamespace(),
                TenantSecret.DATABASE_ADMIN.secretName(tenant));
        return new DatabaseServer(secret.required("host"), secret.requiredPort("port"), secret.required("username"),
                secret.required("password"), secret.optional("sslmode", "prefer"));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://%s:%d/%s".formatted(host, port, database);
    }

    public Connection connectAsAdmin(String database) {
        return connect(database, adminUser, adminPassword);
    }

    public Connection connect(String database, String user, String password) {
        var properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("sslmode", sslMode);
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", "vettify-operator");
        try {
            return DriverManager.getConnection(jdbcUrl(database), properties);
        } catch (SQLException e) {
            throw failure("connecting to %s as %s".formatted(jdbcUrl(database), user), e);
        }
    }

    /** A named failure for a database error: unreachable, refused credentials, or another error with its SQLSTATE. */
    public static ProvisioningException failure(String doing, SQLException e) {
        var state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            return new ProvisioningException("DatabaseUnreachable", doing + ": " + e.getMessage(), e);
        }
        if (state.startsWith("28")) {
            return new ProvisioningException("DatabaseAuthenticationFailed", doing + ": " + e.getMessage(), e);
        }
        return new ProvisioningException("DatabaseError", doing + ": " + e.getMessage() + " (SQLSTATE " + state + ")", e);
    }
}
