package io.vettify.crm.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Direct SQL against the real test database as the runtime's own role, inside the tenant's context exactly like
 * the runtime sets it (row-level security applies). Only for states the API cannot produce yet (e.g. a campaign
 * that is being sent, before the send endpoint exists).
 */
public final class TenantSql {

    private TenantSql() {
    }

    public static int update(String tenant, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(LocalServicesResource.jdbcUrl(), "vettify_app",
                LocalServicesResource.password("vettify_app"))) {
            connection.setAutoCommit(false);
            try (PreparedStatement context = connection.prepareStatement(
                    "SELECT set_config('app.tid', ?, true), set_config('app.whid', '', true)")) {
                context.setString(1, tenant);
                context.execute();
            }
            int rows;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                rows = statement.executeUpdate();
            }
            connection.commit();
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
