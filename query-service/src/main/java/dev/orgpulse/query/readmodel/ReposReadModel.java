package dev.orgpulse.query.readmodel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.api.TopRepo;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The busiest repositories of the window by feed items, then by name. */
@ApplicationScoped
public class ReposReadModel {

    private static final String TOP = "SELECT repo, count(*) AS items FROM feed_item WHERE " + Rows.IN_WINDOW
            + " GROUP BY repo ORDER BY items DESC, repo LIMIT $3";

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
