package dev.orgpulse.query.readmodel;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.api.PullRequestSummary;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Pull requests with what their reviews say, most recently updated first, bots' left out unless included; cached
 * until a change notice names the pull requests.
 */
@ApplicationScoped
public class PullRequestsReadModel {

    private static final String RECENT = """
            SELECT coalesce(r.full_name, pr.repo) AS repo, pr.number, pr.title, pr.pr_type, pr.author_login, pr.state,
                   pr.draft, pr.opened_at, pr.first_review_at, pr.review_count, pr.approvals, pr.merged_at,
                   pr.closed_at, pr.additions, pr.deletions, pr.changed_files, pr.base_ref, pr.head_ref
            FROM pull_request_overview pr LEFT JOIN repository r ON r.id = pr.repo_id
            WHERE ($1 OR NOT pr.is_bot) AND ($2::text IS NULL OR pr.state = $2)
              AND ($3::text IS NULL OR pr.author_login = $3)
              AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM pr_review rv WHERE rv.repo_id = pr.repo_id
                                               AND rv.pr_number = pr.number AND rv.reviewer = $4
                                               AND rv.reviewer <> pr.author_login))
              AND ($5::text IS NULL OR coalesce(r.full_name, pr.repo) = $5)
            ORDER BY pr.updated_at DESC, pr.repo_id, pr.number LIMIT $6""";

    private final Pool pool;
    private final ReadWindows windows;

    public PullRequestsReadModel(Pool pool, ReadWindows windows) {
        this.pool = pool;
        this.windows = windows;
    }

    /**
     * @param state    {@code open}, {@code closed} or {@code merged}; empty for all
     * @param reviewer only pull requests this person reviewed (someone else's); empty for all
     * @param filter   {@code dev}: only this author's; {@code repo}: only this repository's
     */
    @CacheResult(cacheName = ReadModelCaches.PULL_REQUESTS)
    public Uni<List<PullRequestSummary>> recent(Optional<String> state, Optional<String> reviewer, Filter filter,
            int limit) {
        return pool.preparedQuery(RECENT)
                .execute(Tuple.of(windows.current().includeBots(), state.orElse(null), filter.dev().orElse(null),
                        reviewer.orElse(null), filter.repo().orElse(null), limit))
                .map(rows -> Rows.map(rows, PullRequestsReadModel::summary));
    }

    private static PullRequestSummary summary(Row row) {
        return new PullRequestSummary(row.getString("repo"), row.getInteger("number"), row.getString("title"),
                row.getString("pr_type"), row.getString("author_login"), row.getString("state"),
                row.getBoolean("draft"), Rows.instant(row.getOffsetDateTime("opened_at")),
                Rows.instant(row.getOffsetDateTime("first_review_at")), row.getLong("review_count"),
                row.getLong("approvals"), Rows.instant(row.getOffsetDateTime("merged_at")),
                Rows.instant(row.getOffsetDateTime("closed_at")), row.getInteger("additions"),
                row.getInteger("deletions"), row.getInteger("changed_files"), row.getString("base_ref"),
                row.getString("head_ref"));
    }
}
