package dev.orgpulse.query.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/** Small helpers shared by the read-model queries. */
final class Rows {

    /** Feed items of the window, bots left out unless the window includes them ({@code $1} since, {@code $2} include bots). */
    static final String IN_WINDOW = "occurred_at >= $1 AND ($2 OR NOT is_bot)";

    /** A timestamp column as codewall's epoch seconds. */
    static String epochSeconds(String column) {
        return "floor(extract(epoch FROM " + column + "))::bigint";
    }

    static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> mapped = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> mapped.add(mapper.apply(row)));
        return List.copyOf(mapped);
    }

    private Rows() {
    }
}
