package io.vettify.crm.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Direct JDBC connections to the test database as one of its roles, for tests at the SQL level. */
public final class Database {

    private Database() {
    }

    /** @param role {@code vettify_app} (the runtime), {@code vettify_owner} (migrations) or {@code postgres} */
    public static Connection connect(String role) throws SQLException {
        return DriverManager.getConnection(LocalServicesResource.jdbcUrl(), role, LocalServicesResource.password(role));
    }
}
