package dev.orgpulse.projector.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A table holding the newest picture of each thing (a pull request, a workflow run, ...): a row is inserted, or
 * replaced by a picture with a greater {@code revision}, so pictures folded in any order end in the same row.
 *
 * @param upsert the statement, returning the revision written when the row changed
 * @param values the row's values in column order, the revision last; a {@code List} for a {@code TEXT[]} column
 */
record SnapshotTable<T>(String upsert, Function<T, List<Object>> values) {

    /**
     * @param keys       the primary key's columns, first in {@code columns}
     * @param columns    every column but {@code revision}, in the order {@code values} gives them
     * @param textArrays the columns of type {@code TEXT[]}
     */
    static <T> SnapshotTable<T> of(String table, List<String> keys, List<String> columns, Set<String> textArrays,
            Function<T, List<Object>> values) {
        List<String> written = new ArrayList<>(columns);
        written.add("revision");
        String placeholders = IntStream.range(0, written.size())
                .mapToObj(i -> textArrays.contains(written.get(i))
                        // a JSON array in a text parameter: no driver has to know PostgreSQL's array types
                        ? "ARRAY(SELECT jsonb_array_elements_text(CAST(CAST(?" + (i + 1) + " AS text) AS jsonb)))"
                        : "?" + (i + 1))
                .collect(Collectors.joining(", "));
        String updates = written.stream().filter(column -> !keys.contains(column))
                .map(column -> column + " = EXCLUDED." + column)
                .collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + table + " AS t (" + String.join(", ", written) + ") VALUES (" + placeholders + ")"
                + " ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET " + updates
                + " WHERE EXCLUDED.revision > t.revision RETURNING t.revision";
        return new SnapshotTable<>(sql, values);
    }
}
