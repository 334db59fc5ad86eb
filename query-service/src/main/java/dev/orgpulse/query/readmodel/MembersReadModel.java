package dev.orgpulse.query.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.config.QueryConfig;
import dev.orgpulse.query.metrics.Member;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The organisation's members (from membership events) and everyone seen acting, over all history, bots left out unless
 * included; cached until a change notice names the contributors (an activity, a person, a membership).
 */
@ApplicationScoped
public class MembersReadModel {

    private static final Comparator<Member> LAST_ACTIVE_FIRST = Comparator
            .comparing(Member::lastActive, Comparator.nullsLast(Comparator.<Instant> reverseOrder()))
            .thenComparing(Member::login);

    private static final String PEOPLE = """
            WITH seen AS (
                SELECT subject AS login, max(at) AS last_active FROM last_active
                WHERE subject_kind = 'dev' AND ($1 OR NOT is_bot) GROUP BY subject),
            members AS (
                SELECT m.login FROM org_member m LEFT JOIN person p ON p.login = m.login
                WHERE (m.removed_at IS NULL OR m.last_joined_at > m.removed_at)
                  AND ($1 OR NOT coalesce(p.is_bot, FALSE))),
            everyone AS (
                SELECT coalesce(s.login, j.login) AS login, s.last_active FROM seen s FULL JOIN members j ON j.login = s.login)
            SELECT e.login, coalesce(nullif(p.name, ''), e.login) AS name, coalesce(p.avatar_url, '') AS avatar,
                   e.last_active, f.first_active, m.first_joined_at, m.last_joined_at, m.removed_at
            FROM everyone e
            LEFT JOIN org_member m ON m.login = e.login
            LEFT JOIN person p ON p.login = e.login
            LEFT JOIN (SELECT dev, min(at) AS first_active FROM first_active WHERE $1 OR NOT is_bot GROUP BY dev) f
                   ON f.dev = e.login""";

    private final Pool pool;
    private final Clock clock;
    private final ReadWindows windows;
    private final Duration activeFor;

    public MembersReadModel(Pool pool, Clock clock, ReadWindows windows, QueryConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.windows = windows;
        this.activeFor = Duration.ofDays(config.activeDays());
    }

    @CacheResult(cacheName = ReadModelCaches.MEMBERS)
    public Uni<List<Member>> all() {
        Instant now = clock.instant();
        return pool.preparedQuery(PEOPLE).execute(Tuple.of(windows.current().includeBots()))
                .map(rows -> Rows.map(rows, row -> Member.of(facts(row), now, activeFor)).stream()
                        .sorted(LAST_ACTIVE_FIRST).toList());
    }

    private static Member.Facts facts(Row row) {
        return new Member.Facts(row.getString("login"), row.getString("name"), row.getString("avatar"),
                Rows.instant(row.getOffsetDateTime("last_active")), Rows.instant(row.getOffsetDateTime("first_active")),
                Rows.instant(row.getOffsetDateTime("first_joined_at")),
                Rows.instant(row.getOffsetDateTime("last_joined_at")),
                Rows.instant(row.getOffsetDateTime("removed_at")));
    }
}
