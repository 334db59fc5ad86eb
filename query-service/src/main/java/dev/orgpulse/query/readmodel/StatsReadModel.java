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
 * as activity, CI and branch events do not), open PRs (not those of deleted repositories: nobody can merge them any
 * more), PRs merged in the window.
 */
@ApplicationScoped
public class StatsReadModel {

    private static final String TOTALS = """
            WITH recent AS (SELECT f.kind, f.dev, coalesce(f.repo_id::text, f.repo) AS repo FROM feed_item f WHERE %s),
                 prs AS (SELECT pr.state, pr.merged_at, coalesce(r.deleted, FALSE) AS repo_deleted
                         FROM pull_request pr LEFT JOIN repository r ON r.id = pr.repo_id WHERE $2 OR NOT pr.is_bot)
            SELECT (SELECT count(*) FROM recent WHERE kind = 'commit') AS commits,
                   (SELECT count(DISTINCT repo) FROM recent) AS repos_active,
                   (SELECT count(*) FROM prs WHERE state = 'open' AND NOT repo_deleted) AS prs_open,
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
