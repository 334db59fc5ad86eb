package dev.orgpulse.query.readmodel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/** Small helpers shared by the read-model queries. */
final class Rows {

    /**
     * Feed items ({@code feed_item f}) of the window, bots left out unless the window includes them ({@code $1} since,
     * {@code $2} include bots).
     */
    static final String IN_WINDOW = "f.occurred_at >= $1 AND ($2 OR NOT f.is_bot)";

    /** Feed items of the window that are activities: what the people metrics count (see the kinds in docs/api.md). */
    static final String ACTIVITY_IN_WINDOW = IN_WINDOW + " AND f.is_activity";

    /**
     * Feed items with the name their repository has now: repositories are keyed by their stable id, so a renamed
     * repository's history shows under its new name. Items the repository table does not know keep their own.
     */
    static final String FEED_ITEMS = "feed_item f LEFT JOIN repository r ON r.id = f.repo_id";

    static final String REPO_NAME = "coalesce(r.full_name, f.repo)";

    /** Feed items of one person ({@code $3}, null for everyone) and one repository ({@code $4}, null for all). */
    static final String DEV_AND_REPO_FILTER = "($3::text IS NULL OR f.dev = $3) AND ($4::text IS NULL OR " + REPO_NAME + " = $4)";

    /** A timestamp column as codewall's epoch seconds. */
    static String epochSeconds(String column) {
        return "floor(extract(epoch FROM " + column + "))::bigint";
    }

    static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> mapped = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> mapped.add(mapper.apply(row)));
        return List.copyOf(mapped);
    }

    private Rows() {
    }
}
