package dev.orgpulse.query.readmodel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.api.ActiveContributor;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Who is working where: each person with activity in the window, with their newest activity (what and where) and
 * their count of activities, most recent first.
 */
@ApplicationScoped
public class ContributorsReadModel {

    private static final String ACTIVE = """
            WITH recent AS (
                SELECT f.dev, f.kind, %s AS repo, f.occurred_at,
                       count(*) OVER (PARTITION BY f.dev) AS items,
                       row_number() OVER (PARTITION BY f.dev ORDER BY f.occurred_at DESC, f.id DESC) AS newest_first
                FROM %s WHERE %s)
            SELECT c.dev AS login,
                   coalesce(nullif(p.name, ''), c.dev) AS name,
                   coalesce(p.avatar_url, '') AS avatar,
                   %s AS last_active, c.kind, c.repo, c.items
            FROM recent c LEFT JOIN person p ON p.login = c.dev
            WHERE c.newest_first = 1
            ORDER BY c.occurred_at DESC, c.dev
            """.formatted(Rows.REPO_NAME, Rows.FEED_ITEMS, Rows.ACTIVITY_IN_WINDOW, Rows.epochSeconds("c.occurred_at"));

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
