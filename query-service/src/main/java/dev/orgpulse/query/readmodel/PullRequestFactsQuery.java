package dev.orgpulse.query.readmodel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.metrics.PullRequestFacts;
import dev.orgpulse.query.metrics.Review;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Pull requests with every review submitted on them and when a draft was first marked ready for review (its
 * {@code ready_for_review} fact), as the PR metrics need them: those open now and those with
 * anything (opened, merged, closed, reviewed) since a time. Bots' pull requests are left out unless the window includes
 * bots; open pull requests of deleted repositories are left out (nobody can review or merge them any more).
 */
@ApplicationScoped
class PullRequestFactsQuery {

    private static final String FACTS = """
            SELECT coalesce(r.full_name, pr.repo) AS repo, pr.number, pr.title, pr.author_login, pr.state, pr.draft,
                   pr.pr_type, pr.opened_at, pr.merged_at, pr.closed_at, pr.additions, pr.deletions,
                   pr.requested_reviewers,
                   (SELECT min(ff.occurred_at) FROM feed_fact ff
                    WHERE ff.kind = 'ready_for_review'
                      AND ff.natural_key COLLATE "C" >= 'pr-ready:' || pr.repo_id || '#' || pr.number || ':'
                      AND ff.natural_key COLLATE "C" < 'pr-ready:' || pr.repo_id || '#' || pr.number || ';') AS ready_at,
                   (SELECT coalesce(json_agg(json_build_object('reviewer', v.reviewer, 'bot', v.is_bot, 'state', v.state,
                                   'dismissed', v.dismissed,
                                   'submitted_ms', floor(extract(epoch FROM v.submitted_at) * 1000)::bigint)), '[]')
                    FROM pr_review v WHERE v.repo_id = pr.repo_id AND v.pr_number = pr.number) AS reviews
            FROM pull_request pr LEFT JOIN repository r ON r.id = pr.repo_id
            WHERE ($1 OR NOT pr.is_bot) AND ($2::text IS NULL OR coalesce(r.full_name, pr.repo) = $2)
              AND NOT (pr.state = 'open' AND coalesce(r.deleted, FALSE))
              AND (pr.state = 'open' OR pr.opened_at >= $3 OR pr.merged_at >= $3 OR pr.closed_at >= $3
                   OR EXISTS (SELECT 1 FROM pr_review v
                              WHERE v.repo_id = pr.repo_id AND v.pr_number = pr.number AND v.submitted_at >= $3))
            ORDER BY pr.repo_id, pr.number""";

    private final Pool pool;

    PullRequestFactsQuery(Pool pool) {
        this.pool = pool;
    }

    /** @param repo {@code owner/name} as the repository is called now; empty for every repository */
    Uni<List<PullRequestFacts>> openOrActiveSince(Instant since, Optional<String> repo, boolean includeBots) {
        return pool.preparedQuery(FACTS)
                .execute(Tuple.of(includeBots, repo.orElse(null), since.atOffset(ZoneOffset.UTC)))
                .map(rows -> Rows.map(rows, PullRequestFactsQuery::facts));
    }

    private static PullRequestFacts facts(Row row) {
        List<Review> reviews = new ArrayList<>();
        JsonArray stored = (JsonArray) row.getValue("reviews");
        for (int i = 0; i < stored.size(); i++) {
            JsonObject review = stored.getJsonObject(i);
            reviews.add(new Review(review.getString("reviewer"), review.getBoolean("bot"), review.getString("state"),
                    review.getBoolean("dismissed"), Instant.ofEpochMilli(review.getLong("submitted_ms"))));
        }
        return new PullRequestFacts(row.getString("repo"), row.getInteger("number"), row.getString("title"),
                row.getString("author_login"), row.getString("state"), row.getBoolean("draft"),
                row.getString("pr_type"), Rows.instant(row.getOffsetDateTime("opened_at")),
                Rows.instant(row.getOffsetDateTime("ready_at")),
                Rows.instant(row.getOffsetDateTime("merged_at")), Rows.instant(row.getOffsetDateTime("closed_at")),
                row.getInteger("additions"), row.getInteger("deletions"),
                Arrays.asList(row.getArrayOfStrings("requested_reviewers")), reviews);
    }
}
