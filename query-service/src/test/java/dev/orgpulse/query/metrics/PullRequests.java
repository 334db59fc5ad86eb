package dev.orgpulse.query.metrics;

import java.time.Instant;
import java.util.List;

/** Hand-made pull requests for the metric tests. */
final class PullRequests {

    private PullRequests() {
    }

    static PullRequestFacts open(String repo, int number, String author, Instant openedAt, List<String> requested,
            Review... reviews) {
        return new PullRequestFacts(repo, number, "PR " + number, author, "open", false, "other", openedAt, null, null,
                null, null, null, requested, List.of(reviews));
    }

    static PullRequestFacts merged(String repo, int number, String type, Instant openedAt, Instant mergedAt,
            int additions, int deletions, Review... reviews) {
        return new PullRequestFacts(repo, number, "PR " + number, "alice", "merged", false, type, openedAt, null,
                mergedAt, mergedAt, additions, deletions, List.of(), List.of(reviews));
    }

    static Review review(String reviewer, String state, Instant at) {
        return new Review(reviewer, reviewer.endsWith("[bot]"), state, false, at);
    }
}
