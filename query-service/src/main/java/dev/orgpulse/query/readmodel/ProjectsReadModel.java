package dev.orgpulse.query.readmodel;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.api.Project;
import dev.orgpulse.query.metrics.OrgMetrics;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Each repository that is not deleted, with what its commits and pull requests add up to over all history (bots'
 * commits left out unless included); cached until a change notice names the stats (commits), the pull requests or the
 * repositories.
 */
@ApplicationScoped
public class ProjectsReadModel {

    private static final String COMMITS = "SELECT * FROM git_commit c WHERE $1 OR NOT c.is_bot";

    private static final String PROJECTS = """
            WITH commits AS (
                     SELECT c.repo_id, count(*) AS commits,
                            count(DISTINCT (c.committed_at AT TIME ZONE 'UTC')::date) AS active_days,
                            min(c.committed_at) AS first_commit, max(c.committed_at) AS last_commit,
                            count(DISTINCT c.author_login) AS contributors
                     FROM (%s) c GROUP BY c.repo_id),
                 prs AS (
                     SELECT pr.repo_id,
                            sum(coalesce(pr.additions, 0) + coalesce(pr.deletions, 0))
                                FILTER (WHERE pr.state = 'merged') AS churn,
                            count(*) FILTER (WHERE pr.state = 'open' AND ($1 OR NOT pr.is_bot)) AS open_prs
                     FROM pull_request pr GROUP BY pr.repo_id)
            SELECT r.full_name AS repo, coalesce(c.commits, 0) AS commits, coalesce(c.active_days, 0) AS active_days,
                   c.first_commit, c.last_commit,
                   floor(extract(epoch FROM c.last_commit - c.first_commit) / 60)::bigint AS lifespan_min,
                   coalesce(p.churn, 0) AS churn, r.language, r.size_kb, coalesce(p.open_prs, 0) AS open_prs,
                   coalesce(c.contributors, 0) AS contributors
            FROM repository r LEFT JOIN commits c ON c.repo_id = r.id LEFT JOIN prs p ON p.repo_id = r.id
            WHERE NOT r.deleted AND ($2::text IS NULL OR r.full_name = $2)
            ORDER BY c.last_commit DESC NULLS LAST, r.full_name""".formatted(COMMITS);

    private static final String ACTIVE_DAYS = """
            SELECT count(DISTINCT (c.committed_at AT TIME ZONE 'UTC')::date) AS active_days
            FROM (%s) c JOIN repository r ON r.id = c.repo_id WHERE NOT r.deleted""".formatted(COMMITS);

    private final Pool pool;
    private final ReadWindows windows;

    public ProjectsReadModel(Pool pool, ReadWindows windows) {
        this.pool = pool;
        this.windows = windows;
    }

    /** Most recently committed to first, then by name. */
    @CacheResult(cacheName = ReadModelCaches.PROJECTS)
    public Uni<List<Project>> all() {
        return projects(Optional.empty());
    }

    /** @param repo {@code owner/name} as the repository is called now */
    @CacheResult(cacheName = ReadModelCaches.PROJECTS)
    public Uni<Optional<Project>> one(String repo) {
        return projects(Optional.of(repo)).map(projects -> projects.stream().findFirst());
    }

    @CacheResult(cacheName = ReadModelCaches.ORG_METRICS)
    public Uni<OrgMetrics> organisation() {
        return projects(Optional.empty()).flatMap(projects -> pool.preparedQuery(ACTIVE_DAYS)
                .execute(Tuple.of(windows.current().includeBots()))
                .map(rows -> OrgMetrics.of(projects, rows.iterator().next().getLong("active_days"))));
    }

    private Uni<List<Project>> projects(Optional<String> repo) {
        return pool.preparedQuery(PROJECTS)
                .execute(Tuple.of(windows.current().includeBots(), repo.orElse(null)))
                .map(rows -> Rows.map(rows, ProjectsReadModel::project));
    }

    private static Project project(Row row) {
        return new Project(row.getString("repo"), row.getLong("commits"), row.getLong("active_days"),
                Rows.instant(row.getOffsetDateTime("first_commit")), Rows.instant(row.getOffsetDateTime("last_commit")),
                row.getLong("lifespan_min"), row.getLong("churn"), row.getString("language"), row.getLong("size_kb"),
                row.getLong("open_prs"), row.getLong("contributors"));
    }
}
