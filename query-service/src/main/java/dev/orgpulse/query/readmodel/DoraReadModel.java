package dev.orgpulse.query.readmodel;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.metrics.DeploymentOutcome;
import dev.orgpulse.query.metrics.DoraMetrics;
import dev.orgpulse.query.metrics.DoraMetrics.DefaultBranchCommit;
import dev.orgpulse.query.metrics.WeekRange;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The four DORA keys from the deployments' statuses and the commits pushed to default branches. Cached until a change
 * notice names the feed (a deployment's first success and every commit make a feed item); a failure alone makes none,
 * so the cache's expiry bounds how late it shows.
 */
@ApplicationScoped
public class DoraReadModel {

    /** Each deployment's first success and first failure (failure or error), with the environment its status names. */
    private static final String OUTCOMES = """
            SELECT d.repo_id, coalesce(s.environment, d.environment) AS environment, d.deployment_id,
                   s.state = 'success' AS success, min(s.created_at) AS at
            FROM deployment_status s JOIN deployment d ON d.deployment_id = s.deployment_id
            WHERE s.state IN ('success', 'failure', 'error') AND coalesce(s.environment, d.environment) = ANY($1)
            GROUP BY d.repo_id, coalesce(s.environment, d.environment), d.deployment_id, s.state = 'success'""";

    private static final String COMMITS = """
            SELECT c.repo_id, c.committed_at FROM git_commit c
            WHERE c.on_default_branch AND c.repo_id = ANY($1) AND ($2::timestamptz IS NULL OR c.committed_at > $2)""";

    private final Pool pool;
    private final ReadWindows windows;

    public DoraReadModel(Pool pool, ReadWindows windows) {
        this.pool = pool;
        this.windows = windows;
    }

    @CacheResult(cacheName = ReadModelCaches.DORA)
    public Uni<DoraMetrics> keys(int weeks, List<String> environments) {
        WeekRange range = new WeekRange(windows.current().now(), weeks);
        return pool.preparedQuery(OUTCOMES).execute(Tuple.of(environments.toArray(String[]::new)))
                .map(rows -> Rows.map(rows, row -> new DeploymentOutcome(row.getLong("repo_id"),
                        row.getString("environment"), row.getLong("deployment_id"), row.getBoolean("success"),
                        Rows.instant(row.getOffsetDateTime("at")))))
                .flatMap(outcomes -> {
                    Long[] repos = outcomes.stream().map(DeploymentOutcome::repoId).distinct().toArray(Long[]::new);
                    OffsetDateTime since = DoraMetrics.commitsNeededSince(outcomes, range)
                            .map(instant -> instant.atOffset(ZoneOffset.UTC)).orElse(null);
                    return pool.preparedQuery(COMMITS).execute(Tuple.of(repos, since))
                            .map(rows -> Rows.map(rows, row -> new DefaultBranchCommit(row.getLong("repo_id"),
                                    Rows.instant(row.getOffsetDateTime("committed_at")))))
                            .map(commits -> DoraMetrics.of(outcomes, commits, range));
                });
    }
}
