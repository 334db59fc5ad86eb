package dev.orgpulse.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.flywaydb.core.Flyway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A database of its own on the real local PostgreSQL for one test run: created on start, dropped on
 * stop (only the one it created). The server is {@code ORGPULSE_TEST_PG_HOST}:{@code ORGPULSE_TEST_PG_PORT}
 * as {@code ORGPULSE_TEST_PG_USER} (default 127.0.0.1:5432, postgres, trust auth).
 * <p>
 * With the init argument {@code migrations} (a Flyway location such as
 * {@code filesystem:../projector-service/src/main/resources/db/migration}) the schema is migrated
 * before the application starts: how a service that reads the projector's tables gets them in a test.
 */
public class PostgresDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = env("ORGPULSE_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("ORGPULSE_TEST_PG_PORT", "5432");
    private static final String USER = env("ORGPULSE_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("ORGPULSE_TEST_PG_PASSWORD", "");

    private String database;
    private String migrations;

    @Override
    public void init(Map<String, String> initArgs) {
        migrations = initArgs.get("migrations");
    }

    @Override
    public Map<String, String> start() {
        database = "orgpulse_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + database);
        if (migrations != null) {
            Flyway.configure().dataSource(jdbcUrl(), USER, PASSWORD).locations(migrations).load().migrate();
        }
        return configReachedAt(HOST, Integer.parseInt(PORT));
    }

    /** The datasource configuration of this database as reached at another address (a proxy in front of the server). */
    public Map<String, String> configReachedAt(String host, int port) {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", "postgresql://" + host + ":" + port + "/" + database);
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + database);
        config.put("quarkus.datasource.username", USER);
        config.put("quarkus.datasource.password", PASSWORD);
        return config;
    }

    /** The PostgreSQL server's host, where {@link #configReachedAt} points a proxy. */
    public static String serverHost() {
        return HOST;
    }

    /** The PostgreSQL server's port. */
    public static int serverPort() {
        return Integer.parseInt(PORT);
    }

    @Override
    public void stop() {
        if (database != null) {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    /**
     * A plain JDBC connection to the test database, for asserting what was written: it reads the current read-model
     * version (the views of {@code orgpulse_read}) once a projector made one, and {@code public} before.
     */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("currentSchema", "orgpulse_read,public");
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " refused: " + sql
                    + " (is it running? see .ci/run)", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
