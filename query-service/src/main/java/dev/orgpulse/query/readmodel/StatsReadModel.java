package dev.orgpulse.query.readmodel;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.api.Stats;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The top-line totals: commits, and repositories and people with activity in the window (reviews and comments count
 * as activity, CI and branch events do not), open PRs, PRs merged in the window.
 */
@ApplicationScoped
public class StatsReadModel {

    private static final String TOTALS = """
            WITH recent AS (SELECT f.kind, f.dev, coalesce(f.repo_id::text, f.repo) AS repo FROM feed_item f WHERE %s),
                 prs AS (SELECT state, merged_at FROM pull_request WHERE $2 OR NOT is_bot)
            SELECT (SELECT count(*) FROM recent WHERE kind = 'commit') AS commits,
                   (SELECT count(DISTINCT repo) FROM recent) AS repos_active,
                   (SELECT count(*) FROM prs WHERE state = 'open') AS prs_open,
                   (SELECT count(*) FROM prs WHERE merged_at >= $1) AS prs_merged,
                   (SELECT count(DISTINCT dev) FROM recent) AS people_active
            """.formatted(Rows.ACTIVITY_IN_WINDOW);

    private final Pool pool;
    private final ReadWindows windows;

    public StatsReadModel(Pool pool, ReadWindows windows) {
        this.pool = pool;
        this.windows = windows;
    }

    @CacheResult(cacheName = ReadModelCaches.STATS)
    public Uni<Stats> current() {
        ReadWindow window = windows.current();
        return pool.preparedQuery(TOTALS)
                .execute(Tuple.of(window.since(), window.includeBots()))
                .map(rows -> totals(rows.iterator().next()));
    }

    private static Stats totals(Row row) {
        return new Stats(row.getLong("commits"), row.getLong("repos_active"), row.getLong("prs_open"),
                row.getLong("prs_merged"), row.getLong("people_active"));
    }
}
