package dev.orgpulse.ingest.backfill;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code GET /admin/backfills/{id}}.
 *
 * @param rateLimitRemaining the GitHub API calls left in the current hour as last seen, {@code null} before any call
 * @param etaSeconds the time left at the pace so far, {@code null} until a repository is done or once it ended
 */
public record BackfillStatus(
        String id,
        String org,
        Instant since,
        String state,
        @JsonProperty("repos_done") int reposDone,
        @JsonProperty("repos_total") int reposTotal,
        @JsonProperty("records_appended") long recordsAppended,
        @JsonProperty("rate_limit_remaining") Long rateLimitRemaining,
        @JsonProperty("eta_s") Long etaSeconds,
        String error) {

    static BackfillStatus of(BackfillState state, long rateLimitRemaining, Instant now) {
        int done = state.reposFinished().size();
        Long eta = null;
        if (state.running() && done > 0 && state.reposTotal() >= done) {
            Duration perRepo = Duration.between(state.startedAt(), now).dividedBy(done);
            eta = perRepo.multipliedBy(state.reposTotal() - done).toSeconds();
        }
        return new BackfillStatus(state.id(), state.org(), state.since(), state.state(), done, state.reposTotal(),
                state.recordsAppended(), rateLimitRemaining < 0 ? null : rateLimitRemaining, eta, state.error());
    }
}
