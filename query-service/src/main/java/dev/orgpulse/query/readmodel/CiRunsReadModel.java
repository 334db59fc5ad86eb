package dev.orgpulse.query.readmodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.api.CiFilters;
import dev.orgpulse.query.api.CiJob;
import dev.orgpulse.query.api.CiRun;
import dev.orgpulse.query.metrics.CiRunFacts;
import dev.orgpulse.query.metrics.CiSummary;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Workflow run attempts, most recently updated first and filtered as the CI wall asks, the filters' values, a run's
 * jobs and a summary per workflow; runs triggered by bots left out unless included; cached until a change notice names
 * the CI runs.
 */
@ApplicationScoped
public class CiRunsReadModel {

    private static final String RECENT = """
            SELECT coalesce(r.full_name, run.repo) AS repo, run.workflow, run.run_id, run.run_attempt, run.status,
                   run.conclusion, run.head_branch, run.head_sha, run.actor, run.started_at, run.updated_at,
                   run.duration_seconds, run.url
            FROM ci_run run LEFT JOIN repository r ON r.id = run.repo_id
            WHERE ($1 OR NOT run.is_bot) AND ($3::text IS NULL OR coalesce(r.full_name, run.repo) = $3)
              AND ($4::text IS NULL OR run.workflow = $4) AND ($5::text IS NULL OR run.head_branch = $5)
              AND ($6::text IS NULL OR run.status = $6) AND ($7::text IS NULL OR run.conclusion = $7)
              AND ($8::text IS NULL OR run.actor = $8)
            ORDER BY run.updated_at DESC, run.run_id DESC, run.run_attempt DESC LIMIT $2""";

    /** The runs of the window (by last update), bots' left out unless included. */
    private static final String IN_WINDOW = """
            SELECT coalesce(r.full_name, run.repo) AS repo, run.workflow, run.run_id, run.run_attempt, run.status,
                   run.conclusion, run.head_branch, run.actor, run.updated_at, run.duration_seconds
            FROM ci_run run LEFT JOIN repository r ON r.id = run.repo_id
            WHERE run.updated_at >= $1 AND ($2 OR NOT run.is_bot)""";

    private static final String FILTERS = """
            WITH w AS (%s)
            SELECT array(SELECT DISTINCT repo FROM w ORDER BY 1) AS repos,
                   array(SELECT DISTINCT workflow FROM w ORDER BY 1) AS workflows,
                   array(SELECT DISTINCT head_branch FROM w WHERE head_branch IS NOT NULL ORDER BY 1) AS branches,
                   array(SELECT DISTINCT actor FROM w WHERE actor IS NOT NULL ORDER BY 1) AS actors,
                   array(SELECT DISTINCT status FROM w ORDER BY 1) AS statuses,
                   array(SELECT DISTINCT conclusion FROM w WHERE conclusion IS NOT NULL ORDER BY 1) AS conclusions
            """.formatted(IN_WINDOW);

    private static final String SUMMARY_RUNS = IN_WINDOW + " AND ($3::text IS NULL OR coalesce(r.full_name, run.repo) = $3)";

    private static final String JOBS = """
            SELECT job_id, run_id, run_attempt, name, status, conclusion, started_at, completed_at, duration_seconds,
                   runner_name, labels, url,
                   EXISTS (SELECT 1 FROM ci_run run WHERE run.run_id = $1) AS run_known
            FROM (SELECT NULL::int AS placeholder) known
            LEFT JOIN ci_job j ON j.run_id = $1
            ORDER BY j.run_attempt DESC, j.started_at NULLS LAST, j.job_id""";

    private final Pool pool;
    private final ReadWindows windows;

    public CiRunsReadModel(Pool pool, ReadWindows windows) {
        this.pool = pool;
        this.windows = windows;
    }

    @CacheResult(cacheName = ReadModelCaches.CI_RUNS)
    public Uni<List<CiRun>> recent(CiRunFilter filter, int limit) {
        return pool.preparedQuery(RECENT)
                .execute(Tuple.from(Arrays.asList(windows.current().includeBots(), limit, filter.repo().orElse(null),
                        filter.workflow().orElse(null), filter.branch().orElse(null), filter.status().orElse(null),
                        filter.conclusion().orElse(null), filter.actor().orElse(null))))
                .map(rows -> Rows.map(rows, CiRunsReadModel::run));
    }

    /** The distinct repositories, workflows, branches, actors, statuses and conclusions of the window's runs. */
    @CacheResult(cacheName = ReadModelCaches.CI_FILTERS)
    public Uni<CiFilters> filters() {
        ReadWindow window = windows.current();
        return pool.preparedQuery(FILTERS).execute(Tuple.of(window.since(), window.includeBots()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new CiFilters(strings(row, "repos"), strings(row, "workflows"), strings(row, "branches"),
                            strings(row, "actors"), strings(row, "statuses"), strings(row, "conclusions"));
                });
    }

    /** Every job of every attempt of a run, latest attempt first; empty when the run is unknown. */
    @CacheResult(cacheName = ReadModelCaches.CI_JOBS)
    public Uni<Optional<List<CiJob>>> jobs(long runId) {
        return pool.preparedQuery(JOBS).execute(Tuple.of(runId)).map(rows -> {
            List<CiJob> jobs = new ArrayList<>();
            boolean known = false;
            for (Row row : rows) {
                known = row.getBoolean("run_known");
                if (row.getLong("job_id") != null) {
                    jobs.add(job(row));
                }
            }
            return known || !jobs.isEmpty() ? Optional.of(List.copyOf(jobs)) : Optional.empty();
        });
    }

    /** Per repository and workflow, over the window's runs. */
    @CacheResult(cacheName = ReadModelCaches.CI_SUMMARY)
    public Uni<List<CiSummary>> summary(Optional<String> repo) {
        ReadWindow window = windows.current();
        return pool.preparedQuery(SUMMARY_RUNS)
                .execute(Tuple.of(window.since(), window.includeBots(), repo.orElse(null)))
                .map(rows -> CiSummary.of(Rows.map(rows, row -> new CiRunFacts(row.getString("repo"),
                        row.getString("workflow"), row.getLong("run_id"), row.getInteger("run_attempt"),
                        row.getString("status"), row.getString("conclusion"),
                        Rows.instant(row.getOffsetDateTime("updated_at")), row.getLong("duration_seconds")))));
    }

    private static CiJob job(Row row) {
        return new CiJob(row.getLong("job_id"), row.getLong("run_id"), row.getInteger("run_attempt"),
                row.getString("name"), row.getString("status"), row.getString("conclusion"),
                Rows.instant(row.getOffsetDateTime("started_at")), Rows.instant(row.getOffsetDateTime("completed_at")),
                row.getLong("duration_seconds"), row.getString("runner_name"), strings(row, "labels"),
                row.getString("url"));
    }

    private static List<String> strings(Row row, String column) {
        return List.of(row.getArrayOfStrings(column));
    }

    private static CiRun run(Row row) {
        return new CiRun(row.getString("repo"), row.getString("workflow"), row.getLong("run_id"),
                row.getInteger("run_attempt"), row.getString("status"), row.getString("conclusion"),
                row.getString("head_branch"), row.getString("head_sha"), row.getString("actor"),
                Rows.instant(row.getOffsetDateTime("started_at")), Rows.instant(row.getOffsetDateTime("updated_at")),
                row.getLong("duration_seconds"), row.getString("url"));
    }
}
