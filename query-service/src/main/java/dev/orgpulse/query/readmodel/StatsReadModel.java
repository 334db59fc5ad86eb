package dev.orgpulse.query.readmodel;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.api.Stats;
import io.quarkus.cache.CacheManager;
import io.quarkus.cache.CacheResult;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.cache.DefaultCacheKey;
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

    /**
     * Each part reads what the fold keeps for it ({@code last_active}, {@code hourly_commits}, indexes on pull
     * requests), never the window's feed: the cost of an answer, paid again after every change notice, does not grow
     * with the window. The commits of the window's first, partial hour ({@code $1} to {@code $3}) are the only feed
     * items read.
     */
    private static final String TOTALS = """
            SELECT (SELECT coalesce(sum(commits), 0) FROM hourly_commits WHERE hour >= $3 AND ($2 OR NOT is_bot))
                   + (SELECT count(*) FROM feed_item f
                      WHERE f.occurred_at >= $1 AND f.occurred_at < $3 AND ($2 OR NOT f.is_bot) AND f.is_activity
                        AND f.kind = 'commit') AS commits,
                   (SELECT count(DISTINCT subject) FROM last_active
                    WHERE subject_kind = 'repo' AND at >= $1 AND ($2 OR NOT is_bot)) AS repos_active,
                   (SELECT count(*) FROM pull_request pr LEFT JOIN repository r ON r.id = pr.repo_id
                    WHERE pr.state = 'open' AND NOT coalesce(r.deleted, FALSE) AND ($2 OR NOT pr.is_bot)) AS prs_open,
                   (SELECT count(*) FROM pull_request pr
                    WHERE pr.merged_at >= $1 AND ($2 OR NOT pr.is_bot)) AS prs_merged,
                   (SELECT count(DISTINCT subject) FROM last_active
                    WHERE subject_kind = 'dev' AND at >= $1 AND ($2 OR NOT is_bot)) AS people_active
            """;

    /** The key {@link #current()}'s entry has: a method without arguments is cached under its cache's name. */
    private static final DefaultCacheKey CURRENT = new DefaultCacheKey(ReadModelCaches.STATS);

    private final Pool pool;
    private final ReadWindows windows;
    private final CaffeineCache cache;

    public StatsReadModel(Pool pool, ReadWindows windows, CacheManager caches) {
        this.pool = pool;
        this.windows = windows;
        this.cache = caches.getCache(ReadModelCaches.STATS).orElseThrow().as(CaffeineCache.class);
    }

    /**
     * The totals {@link #current()} holds in its cache, when it holds them: read without the cache interceptor's
     * asynchronous machinery (a fifth of {@code /api/stats}' cost), for the endpoint every wall polls.
     */
    public Optional<Stats> cached() {
        CompletableFuture<Stats> entry = cache.getIfPresent(CURRENT);
        return entry != null && entry.isDone() && !entry.isCompletedExceptionally() ? Optional.of(entry.join())
                : Optional.empty();
    }

    @CacheResult(cacheName = ReadModelCaches.STATS)
    public Uni<Stats> current() {
        ReadWindow window = windows.current();
        return pool.preparedQuery(TOTALS)
                .execute(Tuple.of(window.since(), window.includeBots(), window.firstWholeHour()))
                .map(rows -> totals(rows.iterator().next()));
    }

    private static Stats totals(Row row) {
        return new Stats(row.getLong("commits"), row.getLong("repos_active"), row.getLong("prs_open"),
                row.getLong("prs_merged"), row.getLong("people_active"));
    }
}
