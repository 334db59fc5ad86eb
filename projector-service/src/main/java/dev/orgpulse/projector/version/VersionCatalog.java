package dev.orgpulse.projector.version;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

/**
 * The read-model versions in PostgreSQL, with plain JDBC (callers run on worker or rebuild threads): the control
 * schema ({@value ReadModelVersion#CONTROL_SCHEMA}: the versions, the pointer to the current one, the rebuilds), each
 * version's schema migrated by Flyway with the same migrations, and the readers' views onto the current one.
 * <p>
 * Structural changes run under one PostgreSQL advisory lock, so that replicas starting together or a rebuild
 * switching while another replica starts do not interleave.
 */
@ApplicationScoped
public class VersionCatalog {

    private static final Logger LOG = Logger.getLogger(VersionCatalog.class);

    /** Key of the advisory lock taken around structural changes (the bytes of "orgpulse"). */
    private static final long STRUCTURE_LOCK = 0x6f7267_70756c7365L;

    private static final String CONTROL_TABLES = """
            CREATE SCHEMA IF NOT EXISTS orgpulse;
            CREATE TABLE IF NOT EXISTS orgpulse.read_model_version (
                name        TEXT PRIMARY KEY,
                number      INT         NOT NULL UNIQUE,
                fold_output INT         NOT NULL,
                created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
                dropped_at  TIMESTAMPTZ
            );
            CREATE TABLE IF NOT EXISTS orgpulse.read_model_pointer (
                id          INT PRIMARY KEY CHECK (id = 1),
                current     TEXT NOT NULL REFERENCES orgpulse.read_model_version (name),
                switched_at TIMESTAMPTZ
            );
            CREATE TABLE IF NOT EXISTS orgpulse.rebuild (
                id          TEXT PRIMARY KEY,
                version     TEXT        NOT NULL REFERENCES orgpulse.read_model_version (name),
                state       TEXT        NOT NULL,
                resumed     BOOLEAN     NOT NULL DEFAULT FALSE,
                folded      BIGINT      NOT NULL DEFAULT 0,
                remaining   BIGINT,
                rate_per_s  DOUBLE PRECISION,
                started_at  TIMESTAMPTZ NOT NULL,
                switched_at TIMESTAMPTZ,
                ended_at    TIMESTAMPTZ,
                error       TEXT
            );
            -- at most one rebuild runs: a second start is refused (409)
            CREATE UNIQUE INDEX IF NOT EXISTS rebuild_one_active ON orgpulse.rebuild ((TRUE))
                WHERE state IN ('running', 'switching');
            """;

    private final AgroalDataSource dataSource;
    private final Flyway flyway;

    public VersionCatalog(AgroalDataSource dataSource, Flyway flyway) {
        this.dataSource = dataSource;
        this.flyway = flyway;
    }

    /**
     * Brings the database to this release: the control schema, the first version (the read models of a release
     * before versions existed, in {@code public}, become {@code v1} as they are), the current version migrated, the
     * readers' views. Returns the current version and what its fold output is.
     */
    public Current bootstrap(int foldOutput) {
        return underStructureLock(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(CONTROL_TABLES);
            }
            Optional<ReadModelVersion> pointer = pointer(connection, false);
            if (pointer.isEmpty()) {
                ReadModelVersion first = new ReadModelVersion(1);
                adoptUnversionedTables(connection, first);
                register(connection, first, foldOutput);
                update(connection, "INSERT INTO orgpulse.read_model_pointer (id, current, switched_at) VALUES (1, ?, now())",
                        first.name());
                connection.commit();
                pointer = Optional.of(first);
            }
            ReadModelVersion current = pointer.get();
            Flyway migration = flywayFor(current);
            if (migration.info().pending().length > 0) {
                // a migration may alter a column the readers' views select: they are put back right after
                update(connection, "DROP SCHEMA IF EXISTS " + ReadModelVersion.READER_SCHEMA + " CASCADE");
                connection.commit();
                migration.migrate();
            }
            publishReaderViews(connection, current);
            connection.commit();
            return new Current(current, foldOutput(connection, current));
        });
    }

    /** @param foldOutput the {@code FoldOutput} version the current version was built with */
    public record Current(ReadModelVersion version, int foldOutput) {
    }

    /** The version the pointer names now. */
    public ReadModelVersion current() {
        return withConnection(connection -> pointer(connection, false)
                .orElseThrow(() -> new IllegalStateException("no read-model version is current yet")));
    }

    /** A new version's schema, migrated and empty, numbered after every version there ever was. */
    public ReadModelVersion create(int foldOutput) {
        return underStructureLock(connection -> {
            ReadModelVersion created;
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT coalesce(max(number), 0) FROM orgpulse.read_model_version")) {
                rows.next();
                created = new ReadModelVersion(rows.getInt(1) + 1);
            }
            register(connection, created, foldOutput);
            connection.commit();
            flywayFor(created).migrate();
            update(connection, "UPDATE " + created.schema() + ".read_model_status SET version = ?, updated_at = NULL",
                    created.name());
            connection.commit();
            LOG.infof("Read-model version %s created in schema %s", created, created.schema());
            return created;
        });
    }

    /** Brings a kept version's schema up to this release's migrations (before it is folded up to date again). */
    public void migrate(ReadModelVersion version) {
        underStructureLock(connection -> flywayFor(version).migrate());
    }

    /**
     * Makes {@code next} current in one transaction, if it has folded at least as far as the current version on every
     * partition the current one has reached: then the live fold, refused by the moved pointer, continues in {@code
     * next} from there without a gap. Live batches read the pointer {@code FOR SHARE}: while this holds it, none
     * commits.
     *
     * @return whether the pointer moved; {@code false} means {@code next} must fold further first
     */
    public boolean switchTo(ReadModelVersion next, String consumerGroup, String topic, String rebuildId) {
        return underStructureLock(connection -> {
            ReadModelVersion current = pointer(connection, true).orElseThrow();
            if (current.equals(next)) {
                return true;
            }
            String behind = """
                    SELECT count(*) FROM %s.checkpoint live
                    LEFT JOIN %s.checkpoint next USING (consumer_group, topic, partition_id)
                    WHERE live.consumer_group = ? AND live.topic = ? AND coalesce(next.next_offset, -1) < live.next_offset
                    """.formatted(current.schema(), next.schema());
            try (PreparedStatement statement = connection.prepareStatement(behind)) {
                statement.setString(1, consumerGroup);
                statement.setString(2, topic);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        connection.rollback();
                        return false;
                    }
                }
            }
            update(connection, "UPDATE orgpulse.read_model_pointer SET current = ?, switched_at = now() WHERE id = 1",
                    next.name());
            update(connection, "UPDATE orgpulse.rebuild SET state = 'done', switched_at = now(), ended_at = now(), "
                    + "remaining = 0 WHERE id = ?", rebuildId);
            publishReaderViews(connection, next);
            connection.commit();
            LOG.infof("Read-model version %s is current (was %s): readers and the live fold moved in one transaction",
                    next, current);
            return true;
        });
    }

    /** Drops the schemas of the versions older than the current one beyond the {@code keep} newest; returns them. */
    public List<ReadModelVersion> dropBeyond(int keep) {
        return underStructureLock(connection -> {
            ReadModelVersion current = pointer(connection, false).orElseThrow();
            List<ReadModelVersion> older = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT name FROM orgpulse.read_model_version
                    WHERE dropped_at IS NULL AND number < ?
                      AND name NOT IN (SELECT version FROM orgpulse.rebuild WHERE state IN ('running', 'switching'))
                    ORDER BY number DESC""")) {
                statement.setInt(1, current.number());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        older.add(ReadModelVersion.named(rows.getString(1)));
                    }
                }
            }
            List<ReadModelVersion> dropped = older.subList(Math.min(keep, older.size()), older.size());
            for (ReadModelVersion version : dropped) {
                dropSchema(connection, version);
            }
            connection.commit();
            return List.copyOf(dropped);
        });
    }

    /** Drops a version that never became current (a cancelled or failed rebuild). */
    public void drop(ReadModelVersion version) {
        underStructureLock(connection -> {
            if (pointer(connection, false).orElseThrow().equals(version)) {
                throw new IllegalStateException(version + " is current: it cannot be dropped");
            }
            dropSchema(connection, version);
            connection.commit();
            return null;
        });
    }

    /** Versions whose schema still exists, newest first. */
    public List<ReadModelVersion> kept() {
        return withConnection(connection -> {
            List<ReadModelVersion> kept = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "SELECT name FROM orgpulse.read_model_version WHERE dropped_at IS NULL ORDER BY number DESC")) {
                while (rows.next()) {
                    kept.add(ReadModelVersion.named(rows.getString(1)));
                }
            }
            return kept;
        });
    }

    private static void dropSchema(Connection connection, ReadModelVersion version) throws SQLException {
        update(connection, "DROP SCHEMA IF EXISTS " + version.schema() + " CASCADE");
        update(connection, "UPDATE orgpulse.read_model_version SET dropped_at = now() WHERE name = ?", version.name());
        LOG.infof("Read-model version %s dropped (schema %s)", version, version.schema());
    }

    /** Moves the tables a release without versions kept in {@code public} (its Flyway history with them). */
    private static void adoptUnversionedTables(Connection connection, ReadModelVersion first) throws SQLException {
        update(connection, "CREATE SCHEMA IF NOT EXISTS " + first.schema());
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT tablename FROM pg_tables WHERE schemaname = 'public'
                  AND EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'checkpoint')
                UNION ALL
                SELECT viewname FROM pg_views WHERE schemaname = 'public'
                  AND EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'checkpoint')""")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        for (String table : tables) {
            update(connection, "ALTER TABLE public." + quoted(table) + " SET SCHEMA " + first.schema());
        }
        if (!tables.isEmpty()) {
            LOG.infof("The read models of the release before versions (%d tables and views in public) are now %s",
                    tables.size(), first);
        }
    }

    private static void register(Connection connection, ReadModelVersion version, int foldOutput) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO orgpulse.read_model_version (name, number, fold_output) VALUES (?, ?, ?)")) {
            statement.setString(1, version.name());
            statement.setInt(2, version.number());
            statement.setInt(3, foldOutput);
            statement.executeUpdate();
        }
    }

    /** Replaces the readers' views with views onto every table and view of {@code version}. */
    private static void publishReaderViews(Connection connection, ReadModelVersion version) throws SQLException {
        List<String> relations = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = ? AND table_name <> 'flyway_schema_history' ORDER BY table_name""")) {
            statement.setString(1, version.schema());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    relations.add(rows.getString(1));
                }
            }
        }
        update(connection, "DROP SCHEMA IF EXISTS " + ReadModelVersion.READER_SCHEMA + " CASCADE");
        update(connection, "CREATE SCHEMA " + ReadModelVersion.READER_SCHEMA);
        for (String relation : relations) {
            update(connection, "CREATE VIEW %s.%s AS SELECT * FROM %s.%s".formatted(ReadModelVersion.READER_SCHEMA,
                    quoted(relation), version.schema(), quoted(relation)));
        }
    }

    private static Optional<ReadModelVersion> pointer(Connection connection, boolean forUpdate) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT current FROM orgpulse.read_model_pointer WHERE id = 1" + (forUpdate ? " FOR UPDATE" : ""))) {
            return rows.next() ? Optional.of(ReadModelVersion.named(rows.getString(1))) : Optional.empty();
        }
    }

    private static int foldOutput(Connection connection, ReadModelVersion version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT fold_output FROM orgpulse.read_model_version WHERE name = ?")) {
            statement.setString(1, version.name());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private Flyway flywayFor(ReadModelVersion version) {
        return Flyway.configure().configuration(flyway.getConfiguration())
                .schemas(version.schema()).defaultSchema(version.schema()).createSchemas(true).load();
    }

    private static void update(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T underStructureLock(Work<T> work) {
        return withConnection(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + STRUCTURE_LOCK + ")");
            }
            try {
                connection.setAutoCommit(false);
                return work.on(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_unlock(" + STRUCTURE_LOCK + ")");
                }
            }
        });
    }

    private <T> T withConnection(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("read-model versions: " + e.getMessage(), e);
        }
    }
}
