package dev.orgpulse.projector.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orgpulse.testing.PostgresDatabaseResource;

/**
 * V3 makes the projector fold the Pub/Sub and Meet API records that earlier versions kept as ignored: each partition
 * goes back to its first such record, and only their processed marks are dropped.
 */
class MeetMigrationTest {

    private static final String MIGRATIONS = "filesystem:src/main/resources/db/migration";

    private final PostgresDatabaseResource database = new PostgresDatabaseResource();
    private Map<String, String> config;

    @BeforeEach
    void createDatabase() {
        database.init(Map.of());
        config = database.start();
    }

    @AfterEach
    void dropDatabase() {
        database.stop();
    }

    @Test
    void eachPartitionIsRewoundToItsFirstMeetRecordAndOnlyTheirMarksAreDropped() throws SQLException {
        migrate("2");
        execute("""
                INSERT INTO checkpoint (consumer_group, topic, partition_id, next_offset, updated_at) VALUES
                    ('orgpulse-projector-v1', 'orgpulse-events', 0, 100, now()),
                    ('orgpulse-projector-v1', 'orgpulse-events', 1, 50, now()),
                    ('orgpulse-projector-v1', 'orgpulse-events', 2, 10, now())""");
        execute("""
                INSERT INTO processed_delivery (delivery_id, source, event_type, partition_id, record_offset, outcome,
                                                folded_at) VALUES
                    ('gh-1', 'github', 'push', 0, 10, 'folded', now()),
                    ('11001', 'pubsub', 'google.workspace.meet.conference.v2.started', 0, 60, 'ignored', now()),
                    ('11002', 'pubsub', 'google.workspace.meet.participant.v2.joined', 0, 40, 'ignored', now()),
                    ('meet-api:p', 'meet-api', 'google.workspace.meet.participant.v2.resolved', 1, 45, 'ignored', now()),
                    ('gh-2', 'github', 'push', 2, 5, 'folded', now())""");

        migrate("3");

        assertEquals(List.of("0:40", "1:45", "2:10"),
                strings("SELECT partition_id || ':' || next_offset FROM checkpoint ORDER BY partition_id"));
        assertEquals(List.of("gh-1", "gh-2"), strings("SELECT delivery_id FROM processed_delivery ORDER BY 1"));
    }

    private void migrate(String version) {
        Flyway.configure().dataSource(database.jdbcUrl(), config.get("quarkus.datasource.username"),
                config.get("quarkus.datasource.password")).locations(MIGRATIONS).target(version).load().migrate();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
