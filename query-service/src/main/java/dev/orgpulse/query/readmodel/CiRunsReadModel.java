package dev.orgpulse.query.readmodel;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.api.CiRun;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Workflow run attempts, most recently updated first, runs triggered by bots left out unless included; cached until a
 * change notice names the CI runs.
 */
@ApplicationScoped
public class CiRunsReadModel {

    private static final String RECENT = """
            SELECT coalesce(r.full_name, run.repo) AS repo, run.workflow, run.run_id, run.run_attempt, run.status,
                   run.conclusion, run.head_branch, run.head_sha, run.actor, run.started_at, run.updated_at,
                   run.duration_seconds, run.url
            FROM ci_run run LEFT JOIN repository r ON r.id = run.repo_id
            WHERE ($1 OR NOT run.is_bot) AND ($2::text IS NULL OR coalesce(r.full_name, run.repo) = $2)
            ORDER BY run.updated_at DESC, run.run_id DESC, run.run_attempt DESC LIMIT $3""";

    private final Pool pool;
    private final ReadWindows windows;

    public CiRunsReadModel(Pool pool, ReadWindows windows) {
        this.pool = pool;
        this.windows = windows;
    }

    /** @param repo one repository's runs; empty for all */
    @CacheResult(cacheName = ReadModelCaches.CI_RUNS)
    public Uni<List<CiRun>> recent(int limit, Optional<String> repo) {
        return pool.preparedQuery(RECENT)
                .execute(Tuple.of(windows.current().includeBots(), repo.orElse(null), limit))
                .map(rows -> Rows.map(rows, CiRunsReadModel::run));
    }

    private static CiRun run(Row row) {
        return new CiRun(row.getString("repo"), row.getString("workflow"), row.getLong("run_id"),
                row.getInteger("run_attempt"), row.getString("status"), row.getString("conclusion"),
                row.getString("head_branch"), row.getString("head_sha"), row.getString("actor"),
                Rows.instant(row.getOffsetDateTime("started_at")), Rows.instant(row.getOffsetDateTime("updated_at")),
                row.getLong("duration_seconds"), row.getString("url"));
    }
}
