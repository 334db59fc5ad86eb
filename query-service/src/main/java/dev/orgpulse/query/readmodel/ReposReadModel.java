package dev.orgpulse.query.readmodel;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.api.TopRepo;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The busiest repositories of the window by activities, then by name; a repository by its id, under the name it has
 * now (or, unknown to the repository table, the name its newest item was delivered with).
 */
@ApplicationScoped
public class ReposReadModel {

    private static final String TOP = """
            SELECT coalesce(min(r.full_name), (array_agg(f.repo ORDER BY f.occurred_at DESC, f.id DESC))[1]) AS repo,
                   count(*) AS items
            FROM %s WHERE %s AND ($3::text IS NULL OR f.dev = $3)
            GROUP BY coalesce(f.repo_id::text, f.repo)
            ORDER BY items DESC, repo LIMIT $4""".formatted(Rows.FEED_ITEMS, Rows.ACTIVITY_IN_WINDOW);

    private final Pool pool;
    private final ReadWindows windows;

    public ReposReadModel(Pool pool, ReadWindows windows) {
        this.pool = pool;
        this.windows = windows;
    }

    /** @param dev one person's repositories; empty for everyone's */
    @CacheResult(cacheName = ReadModelCaches.REPOS)
    public Uni<List<TopRepo>> top(int limit, Optional<String> dev) {
        ReadWindow window = windows.current();
        return pool.preparedQuery(TOP)
                .execute(Tuple.of(window.since(), window.includeBots(), dev.orElse(null), limit))
                .map(rows -> Rows.map(rows, row -> new TopRepo(row.getString("repo"), row.getLong("items"))));
    }
}
