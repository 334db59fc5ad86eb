package dev.orgpulse.query.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Writes read-model rows the way the projector would, with plain JDBC on the test database. */
public final class ReadModelRows {

    private ReadModelRows() {
    }

    public static void clear() {
        execute("TRUNCATE feed_item, pull_request, person RESTART IDENTITY");
        execute("UPDATE read_model_status SET updated_at = NULL");
    }

    /** @return the feed id, which is also the item's SSE event id */
    public static long feedItem(Instant at, String kind, String dev, String repo, String message, boolean bot) {
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO feed_item (natural_key, occurred_at, kind, dev, repo, message, is_bot)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setTimestamp(2, Timestamp.from(at));
            insert.setString(3, kind);
            insert.setString(4, dev);
            insert.setString(5, repo);
            insert.setString(6, message);
            insert.setBoolean(7, bot);
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("feed item not written", e);
        }
    }

    public static void person(String login, String name, String avatarUrl, boolean bot) {
        update("INSERT INTO person (login, name, avatar_url, is_bot, updated_at) VALUES (?, ?, ?, ?, now())",
                login, name, avatarUrl, bot);
    }

    public static void pullRequest(String repo, int number, String author, boolean bot, String state, Instant openedAt,
            Instant mergedAt) {
        update("""
                INSERT INTO pull_request (repo, number, title, author_login, is_bot, state, opened_at, merged_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())""",
                repo, number, "PR " + number, author, bot, state, Timestamp.from(openedAt),
                mergedAt == null ? null : Timestamp.from(mergedAt));
    }

    public static void readModelUpdatedAt(Instant at) {
        update("UPDATE read_model_status SET updated_at = ? WHERE id = 1", Timestamp.from(at));
    }

    private static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void update(String sql, Object... values) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The database {@code PostgresDatabaseResource} created for this application start. */
    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
