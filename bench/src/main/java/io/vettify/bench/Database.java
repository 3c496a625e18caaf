package io.vettify.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections through the PostgreSQL driver itself: exec:java runs each step in its own class loader, where
 * DriverManager would not find a driver registered by an earlier step.
 */
final class Database {

    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

    private Database() {
    }

    static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DRIVER.connect(jdbcUrl, properties);
    }
}
