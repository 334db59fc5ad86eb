package dev.orgpulse.projector.readmodel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A table whose rows are merged rather than replaced: each event tells part of the thing (a meeting's start, its
 * end; a session's join, its leave), so the stored row and the new one make the row together. The rule is the row
 * type's own, in plain Java ({@code MeetingRow#mergedWith}, tested without a database): the stored row is read and
 * locked for the transaction, merged with the new one, and written back only when that changed it.
 *
 * @param select the stored row by its key ({@code ?1}), its columns in {@code columns} order, locked
 * @param upsert the merged row, inserted or written over the stored one; its values in {@code columns} order
 * @param key    the row's key
 * @param read   a stored row from the selected columns
 * @param merge  the stored row and the new one, into the row to store
 * @param values the row's values in column order
 */
record MergeTable<T>(String select, String upsert, Function<T, Object> key, Function<Object[], T> read,
        BinaryOperator<T> merge, Function<T, List<Object>> values) {

    /** @param columns the key column first, then the others */
    static <T> MergeTable<T> of(String table, List<String> columns, Function<T, Object> key,
            Function<Object[], T> read, BinaryOperator<T> merge, Function<T, List<Object>> values) {
        String keyColumn = columns.get(0);
        String select = "SELECT " + String.join(", ", columns) + " FROM " + table + " WHERE " + keyColumn
                + " = ?1 FOR UPDATE";
        String placeholders = IntStream.rangeClosed(1, columns.size()).mapToObj(i -> "?" + i)
                .collect(Collectors.joining(", "));
        String updates = columns.stream().skip(1).map(column -> column + " = EXCLUDED." + column)
                .collect(Collectors.joining(", "));
        String upsert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders + ")"
                + " ON CONFLICT (" + keyColumn + ") DO UPDATE SET " + updates;
        return new MergeTable<>(select, upsert, key, read, merge, values);
    }

    /** A {@code TIMESTAMPTZ} value as the driver hands it over. */
    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof ZonedDateTime timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("not a timestamp with time zone: " + value.getClass().getName());
    }
}
