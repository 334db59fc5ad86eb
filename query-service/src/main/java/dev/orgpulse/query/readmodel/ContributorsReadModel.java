package dev.orgpulse.query.readmodel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.api.ActiveContributor;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Who is working where: each person of the window with their newest item and their item count, most recent first. */
@ApplicationScoped
public class ContributorsReadModel {

    private static final String ACTIVE = """
            WITH recent AS (
                SELECT dev, kind, repo, occurred_at,
                       count(*) OVER (PARTITION BY dev) AS items,
                       row_number() OVER (PARTITION BY dev ORDER BY occurred_at DESC, id DESC) AS newest_first
                FROM feed_item WHERE %s)
            SELECT r.dev AS login,
                   coalesce(nullif(p.name, ''), r.dev) AS name,
                   coalesce(p.avatar_url, '') AS avatar,
                   %s AS last_active, r.kind, r.repo, r.items
            FROM recent r LEFT JOIN person p ON p.login = r.dev
            WHERE r.newest_first = 1
            ORDER BY r.occurred_at DESC, r.dev
            """.formatted(Rows.IN_WINDOW, Rows.epochSeconds("r.occurred_at"));

    private final Pool pool;
    private final ReadWindows windows;

    public ContributorsReadModel(Pool pool, ReadWindows windows) {
        this.pool = pool;
        this.windows = windows;
    }

    @CacheResult(cacheName = ReadModelCaches.CONTRIBUTORS)
    public Uni<List<ActiveContributor>> active() {
        ReadWindow window = windows.current();
        return pool.preparedQuery(ACTIVE)
                .execute(Tuple.of(window.since(), window.includeBots()))
                .map(rows -> Rows.map(rows, ContributorsReadModel::contributor));
    }

    private static ActiveContributor contributor(Row row) {
        return new ActiveContributor(row.getString("login"), row.getString("name"), row.getString("avatar"),
                row.getLong("last_active"), row.getString("kind"), row.getString("repo"), row.getLong("items"));
    }
}
