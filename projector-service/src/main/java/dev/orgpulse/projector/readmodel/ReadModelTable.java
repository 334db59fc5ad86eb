package dev.orgpulse.projector.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.eventlog.ReadModel;

/**
 * One read-model table as the batch writer sees it: its row type, its columns (the key first), and its conflict
 * rule twice, once in SQL for a row already stored and once in Java for two rows of the same key in one batch, so
 * that a batch gives the rows that folding its records one by one would give. A batch's rows of this table are
 * written with one statement: {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT ...}.
 *
 * @param name       the table
 * @param rowType    the rows the folds add for it ({@code ReadModelChanges.Builder#row})
 * @param columns    every column written, the key's first
 * @param keyColumns how many of the first columns make the primary key
 * @param onConflict what {@code ON CONFLICT (key)} does with a row already stored; its {@code RETURNING} clause names
 *                   the rows that changed; {@code null} for rows the transaction knows to be new (no conflict clause)
 * @param inBatch    the earlier and the later row of one key in a batch, into the row to write
 * @param revision   for a snapshot, the revision of a row: of two rows of one key the greater wins ({@code inBatch}
 *                   says the same; this computes each row's revision once); {@code null} otherwise
 * @param stored     for a table merged in Java with the stored row (read and locked first), the row from its
 *                   selected columns; {@code null} otherwise
 * @param shows      the read models whose answers may change when a row of this table changes (none: rows no change
 *                   notice names, which still move the read models' last update)
 */
record ReadModelTable<T>(String name, Class<T> rowType, List<Column<T>> columns, int keyColumns, String onConflict,
        BinaryOperator<T> inBatch, Function<T, String> revision, Function<Object[], T> stored, Set<ReadModel> shows) {

    /** PostgreSQL types of the columns, as bound in arrays. */
    enum Type {
        TEXT("text"), BIGINT("bigint"), INT("int"), BOOLEAN("boolean"), TIMESTAMPTZ("timestamptz"), DATE("date"),
        /** A {@code TEXT[]} column: bound as a JSON array in text, no driver has to nest arrays. */
        TEXT_ARRAY("text");

        private final String arrayElement;

        Type(String arrayElement) {
            this.arrayElement = arrayElement;
        }
    }

    /** One column: its name, type and value in a row. */
    record Column<T>(String name, Type type, Function<T, ?> value) {
    }

    static <T> Column<T> column(String name, Type type, Function<T, ?> value) {
        return new Column<>(name, type, value);
    }

    /** A row inserted once, never changed: the first of a batch wins, a stored one stays. */
    static <T> ReadModelTable<T> insertOnce(String name, Class<T> rowType, Set<ReadModel> shows, int keyColumns,
            List<Column<T>> columns) {
        return new ReadModelTable<>(name, rowType, columns, keyColumns, "DO NOTHING", (earlier, later) -> earlier,
                null, null, shows);
    }

    /**
     * Rows the transaction has found to be new already (a feed item, inserted for a fact new to {@code feed_fact}): a
     * plain insert, without the arbiter index's look-up and the speculative insertion that {@code ON CONFLICT} costs
     * per row.
     */
    static <T> ReadModelTable<T> appended(String name, Class<T> rowType, List<Column<T>> columns) {
        return new ReadModelTable<>(name, rowType, columns, 1, null, (earlier, later) -> earlier, null, null,
                Set.of());
    }

    /**
     * The newest picture of a thing (see {@code fold.Revision}): a row is replaced by one with a greater
     * {@code revision}, the last column.
     */
    static <T> ReadModelTable<T> snapshot(String name, Class<T> rowType, Set<ReadModel> shows, int keyColumns,
            List<Column<T>> columns) {
        Column<T> column = columns.get(columns.size() - 1);
        if (!column.name().equals("revision")) {
            throw new IllegalArgumentException(name + ": a snapshot's last column is its revision");
        }
        Function<T, String> revision = row -> (String) column.value().apply(row);
        String updates = columns.stream().skip(keyColumns).map(c -> c.name() + " = EXCLUDED." + c.name())
                .collect(Collectors.joining(", "));
        return new ReadModelTable<>(name, rowType, columns, keyColumns,
                "DO UPDATE SET " + updates + " WHERE EXCLUDED.revision > t.revision",
                (earlier, later) -> revision.apply(later).compareTo(revision.apply(earlier)) > 0 ? later : earlier,
                revision, null, shows);
    }

    /** A rule of its own in SQL ({@code t} is the stored row) and in Java. */
    static <T> ReadModelTable<T> ruled(String name, Class<T> rowType, Set<ReadModel> shows, int keyColumns,
            List<Column<T>> columns, String onConflict, BinaryOperator<T> inBatch) {
        return new ReadModelTable<>(name, rowType, columns, keyColumns, onConflict, inBatch, null, null, shows);
    }

    /**
     * Rows merged in Java with the stored row (each event tells part of the thing: a meeting's start, its end): the
     * stored rows of the batch's keys are read and locked, merged with the batch's rows in log order, and those
     * that changed written over. The key is one text column.
     */
    static <T> ReadModelTable<T> mergedWithStored(String name, Class<T> rowType, Set<ReadModel> shows,
            List<Column<T>> columns, Function<Object[], T> stored, BinaryOperator<T> merge) {
        String updates = columns.stream().skip(1).map(c -> c.name() + " = EXCLUDED." + c.name())
                .collect(Collectors.joining(", "));
        return new ReadModelTable<>(name, rowType, columns, 1, "DO UPDATE SET " + updates, merge, null, stored,
                shows);
    }

    boolean mergesWithStored() {
        return stored != null;
    }

    /** The key of a row, to merge two rows of the same thing and to write rows in one order (locks). */
    List<Object> key(T row) {
        List<Object> key = new ArrayList<>(keyColumns);
        for (int i = 0; i < keyColumns; i++) {
            key.add(columns.get(i).value().apply(row));
        }
        return key;
    }

    /**
     * A batch's rows of one table as its statement sends them.
     *
     * @param rows   one per key, in key order (one order of row locks for every projector)
     * @param arrays the rows bound to arrays, one per column; {@code null} for a table merged with the stored rows,
     *               whose rows are bound once merged with them
     */
    record Prepared<T>(ReadModelTable<T> table, List<T> rows, List<Object> arrays) {
    }

    /** A row of a batch with its key and, for a snapshot, its revision: each computed once per row. */
    private record Keyed<T>(List<Object> key, T row, String revision) {
    }

    /**
     * The batch's rows, one per key (merged in log order by {@link #inBatch}), keeping each key's first position.
     */
    List<T> mergedInBatch(List<T> rows) {
        List<T> merged = new ArrayList<>();
        for (Keyed<T> keyed : merged(rows)) {
            merged.add(keyed.row());
        }
        return merged;
    }

    /**
     * The batch's rows merged by key ({@link #mergedInBatch}), in key order, bound to arrays: everything the table's
     * statement needs that does not need the connection.
     */
    Prepared<T> prepared(List<T> rows) {
        List<Map.Entry<String, Keyed<T>>> byKeyText = new ArrayList<>();
        for (Keyed<T> keyed : merged(rows)) {
            byKeyText.add(Map.entry(keyed.key().toString(), keyed));
        }
        byKeyText.sort(Map.Entry.comparingByKey());
        List<T> sorted = new ArrayList<>(byKeyText.size());
        String[] revisions = revision == null ? null : new String[byKeyText.size()];
        for (int i = 0; i < byKeyText.size(); i++) {
            Keyed<T> keyed = byKeyText.get(i).getValue();
            sorted.add(keyed.row());
            if (revisions != null) {
                revisions[i] = keyed.revision();
            }
        }
        return new Prepared<>(this, sorted, mergesWithStored() ? null : arrays(sorted, revisions));
    }

    /**
     * The rows one per key, in the order each key first came. Equal pictures are frequent in a batch (each event
     * carries its repository): a picture equal to the one kept for its key has its revision, so it is not digested
     * again. Rows are compared only with the row kept for their key, never hashed whole: most snapshots of a batch
     * (CI runs and jobs, pull requests) have a key of their own.
     */
    private List<Keyed<T>> merged(List<T> rows) {
        Map<List<Object>, Keyed<T>> byKey = new LinkedHashMap<>();
        if (revision == null) {
            for (T row : rows) {
                List<Object> key = key(row);
                byKey.merge(key, new Keyed<>(key, row, null),
                        (earlier, later) -> new Keyed<>(key, inBatch.apply(earlier.row(), later.row()), null));
            }
        } else {
            for (T row : rows) {
                List<Object> key = key(row);
                Keyed<T> kept = byKey.get(key);
                if (kept == null) {
                    byKey.put(key, new Keyed<>(key, row, revision.apply(row)));
                } else if (!kept.row().equals(row)) {
                    String later = revision.apply(row);
                    if (later.compareTo(kept.revision()) > 0) {
                        byKey.put(key, new Keyed<>(key, row, later));
                    }
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * Inserts the rows of the arrays bound as {@code $1..$n} (one array per column), in their order, applying the
     * conflict rule; returns the first key column, as text, of each row inserted or changed.
     */
    String upsert() {
        return upsert("t." + columns.get(0).name() + "::text");
    }

    /** The same, returning {@code returning} of each row inserted or changed ({@code t} is the row). */
    String upsert(String returning) {
        String conflict = onConflict == null ? "" : " ON CONFLICT (" + keyList() + ") " + onConflict;
        return insert() + conflict + " RETURNING " + returning;
    }

    /** The stored rows whose key is in the array bound as {@code $1}, locked for the transaction, in key order. */
    String selectStored() {
        String key = columns.get(0).name();
        return "SELECT " + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + " FROM " + name
                + " WHERE " + key + " = ANY($1::text[]) ORDER BY " + key + " FOR UPDATE";
    }

    private String insert() {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String arrays = IntStream.range(0, columns.size())
                .mapToObj(i -> "$" + (i + 1) + "::" + columns.get(i).type().arrayElement + "[]")
                .collect(Collectors.joining(", "));
        String selected = columns.stream()
                .map(c -> c.type() == Type.TEXT_ARRAY
                        ? "ARRAY(SELECT jsonb_array_elements_text(CAST(v." + c.name() + " AS jsonb)))"
                        : "v." + c.name())
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + name + " AS t (" + names + ") SELECT " + selected + " FROM unnest(" + arrays
                + ") WITH ORDINALITY AS v(" + names + ", position) ORDER BY v.position";
    }

    private String keyList() {
        return columns.stream().limit(keyColumns).map(Column::name).collect(Collectors.joining(", "));
    }

    /** One array per column, of the rows' values in order, as the reactive client binds them. */
    List<Object> arrays(List<T> rows) {
        return arrays(rows, null);
    }

    /** The same, with a snapshot's revisions (its last column) computed already, in the rows' order. */
    private List<Object> arrays(List<T> rows, String[] revisions) {
        List<Object> arrays = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            boolean revisionColumn = revisions != null && i == columns.size() - 1;
            arrays.add(revisionColumn ? revisions : array(columns.get(i), rows));
        }
        return arrays;
    }

    private static <T> Object array(Column<T> column, List<T> rows) {
        int size = rows.size();
        return switch (column.type()) {
            case TEXT -> fill(new String[size], rows, row -> (String) column.value().apply(row));
            case TEXT_ARRAY -> fill(new String[size], rows, row -> json((List<?>) column.value().apply(row)));
            case BIGINT -> fill(new Long[size], rows, row -> longValue(column.value().apply(row)));
            case INT -> fill(new Integer[size], rows, row -> (Integer) column.value().apply(row));
            case BOOLEAN -> fill(new Boolean[size], rows, row -> (Boolean) column.value().apply(row));
            case TIMESTAMPTZ -> fill(new OffsetDateTime[size], rows, row -> utc((Instant) column.value().apply(row)));
            case DATE -> fill(new LocalDate[size], rows, row -> (LocalDate) column.value().apply(row));
        };
    }

    private static <T, V> V[] fill(V[] array, List<T> rows, Function<T, V> value) {
        for (int i = 0; i < array.length; i++) {
            array[i] = value.apply(rows.get(i));
        }
        return array;
    }

    private static Long longValue(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    /**
     * The instant at UTC, as {@code instant.atOffset(ZoneOffset.UTC)} gives it without asking the offset for its rules
     * (which Java 17 builds anew on each call): every timestamp of a batch is bound this way.
     */
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.of(LocalDateTime.ofEpochSecond(instant.getEpochSecond(),
                instant.getNano(), ZoneOffset.UTC), ZoneOffset.UTC);
    }

    /** A {@code TIMESTAMPTZ} value as the reactive client reads it. */
    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalStateException("not a timestamp with time zone: " + value.getClass().getName());
    }

    private static String json(List<?> list) {
        try {
            return LogJson.MAPPER.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as a JSON array: " + list, e);
        }
    }
}
