package io.vettify.crm.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Direct SQL against the real test database as the runtime's own role, inside the tenant's context exactly like
 * the runtime sets it (row-level security applies). Only for states the API cannot produce (bulk rows, a failed
 * job) and for looking at rows the API does not show (e.g. a campaign's recipients).
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

    /** The rows of a query as column → value maps (column labels in lower case), in the tenant's context. */
    public static List<Map<String, Object>> query(String tenant, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(LocalServicesResource.jdbcUrl(), "vettify_app",
                LocalServicesResource.password("vettify_app"))) {
            connection.setAutoCommit(false);
            try (PreparedStatement context = connection.prepareStatement(
                    "SELECT set_config('app.tid', ?, true), set_config('app.whid', '', true)")) {
                context.setString(1, tenant);
                context.execute();
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                            row.put(result.getMetaData().getColumnLabel(c).toLowerCase(), result.getObject(c));
                        }
                        rows.add(row);
                    }
                }
            }
            connection.commit();
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
