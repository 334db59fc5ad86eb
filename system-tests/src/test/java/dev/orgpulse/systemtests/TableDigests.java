package dev.orgpulse.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every read-model table of a database holds, as one digest per table computed in SQL: the MD5 of its rows
 * (as text, sorted) over its business columns, with the row count. Two databases folded from the same log must
 * give the same digests, however their folds were interrupted. Left out, because they legitimately differ between
 * two folds of one log:
 * <ul>
 * <li>surrogate ids drawn from a sequence ({@code feed_item.id}, {@code dead_letter.id}): numbered in the order rows
 * were inserted, which depends on how the log was cut into batches and which projector folded which partition
 * first;</li>
 * <li>processing timestamps set with {@code now()} ({@code checkpoint.updated_at}, {@code processed_delivery.folded_at},
 * {@code dead_letter.recorded_at}, {@code read_model_status.updated_at}): when the fold ran, not what it folded;</li>
 * <li>{@code checkpoint.consumer_group}: the clean fold runs as a consumer group of its own (its positions,
 * {@code next_offset}, are compared).</li>
 * </ul>
 * Flyway's own history table is not a read model.
 */
final class TableDigests {

    private static final Map<String, Set<String>> PROCESSING_COLUMNS = Map.of(
            "checkpoint", Set.of("updated_at", "consumer_group"),
            "processed_delivery", Set.of("folded_at"),
            "dead_letter", Set.of("recorded_at"),
            "read_model_status", Set.of("updated_at"));
    private static final Set<String> NOT_READ_MODELS = Set.of("flyway_schema_history");

    /** A table's row count and digest. */
    record Digest(long rows, String md5) {
    }

    private TableDigests() {
    }

    /**
     * Every table of the current read-model version (read models and bookkeeping; described from its schema, read
     * through the readers' views) with its digest, by name.
     */
    static Map<String, Digest> of(Connection connection) throws SQLException {
        Map<String, List<String>> columnsByTable = new TreeMap<>();
        try (PreparedStatement columns = connection.prepareStatement("""
                SELECT c.table_name, c.column_name, c.column_default
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = (SELECT 'orgpulse_' || current FROM orgpulse.read_model_pointer)
                  AND t.table_type = 'BASE TABLE' AND c.table_name <> 'flyway_schema_history'
                ORDER BY c.table_name, c.ordinal_position""");
                ResultSet rows = columns.executeQuery()) {
            while (rows.next()) {
                String table = rows.getString(1);
                String column = rows.getString(2);
                String columnDefault = rows.getString(3);
                boolean surrogate = columnDefault != null && columnDefault.startsWith("nextval(");
                if (!NOT_READ_MODELS.contains(table) && !surrogate
                        && !PROCESSING_COLUMNS.getOrDefault(table, Set.of()).contains(column)) {
                    columnsByTable.computeIfAbsent(table, name -> new ArrayList<>()).add('"' + column + '"');
                }
            }
        }
        if (columnsByTable.isEmpty()) {
            throw new IllegalStateException("no read-model tables in the current schema of " + connection.getMetaData().getURL());
        }
        Map<String, Digest> digests = new TreeMap<>();
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, List<String>> table : columnsByTable.entrySet()) {
                try (ResultSet digest = statement.executeQuery("SELECT count(*), md5(coalesce(string_agg(r, E'\\n' ORDER BY r), ''))"
                        + " FROM (SELECT ROW(" + String.join(", ", table.getValue()) + ")::text AS r FROM \"" + table.getKey()
                        + "\") AS rows")) {
                    digest.next();
                    digests.put(table.getKey(), new Digest(digest.getLong(1), digest.getString(2)));
                }
            }
        }
        return digests;
    }
}
