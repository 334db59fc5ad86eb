package dev.orgpulse.query.readmodel;

import java.util.List;

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
            FROM %s WHERE %s
            GROUP BY coalesce(f.repo_id::text, f.repo)
            ORDER BY items DESC, repo LIMIT $3""".formatted(Rows.FEED_ITEMS, Rows.ACTIVITY_IN_WINDOW);

    private final Pool pool;
    private final ReadWindows windows;

    public ReposReadModel(Pool pool, ReadWindows windows) {
        this.pool = pool;
        this.windows = windows;
    }

    @CacheResult(cacheName = ReadModelCaches.REPOS)
    public Uni<List<TopRepo>> top(int limit) {
        ReadWindow window = windows.current();
        return pool.preparedQuery(TOP)
                .execute(Tuple.of(window.since(), window.includeBots(), limit))
                .map(rows -> Rows.map(rows, row -> new TopRepo(row.getString("repo"), row.getLong("items"))));
    }
}
