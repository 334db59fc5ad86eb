package dev.orgpulse.query.metrics;

import static dev.orgpulse.query.metrics.PullRequests.open;
import static dev.orgpulse.query.metrics.PullRequests.review;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReviewerLoadTest {

    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    @Test
    void pendingRequestsReviewsAndTheMedianFirstResponsePerReviewer() {
        List<PullRequestFacts> prs = List.of(
                open("org/api", 1, "alice", T0, List.of("bob", "carol"),
                        review("bob", "commented", T0.plus(Duration.ofHours(1))),
                        review("bob", "approved", T0.plus(Duration.ofHours(5)))),
                open("org/api", 2, "alice", T0, List.of("bob"),
                        review("bob", "approved", T0.plus(Duration.ofHours(3)))),
                open("org/api", 3, "bob", T0, List.of(),
                        review("bob", "commented", T0.plus(Duration.ofHours(2))),
                        review("renovate[bot]", "approved", T0.plus(Duration.ofHours(2)))),
                // a draft's requests are not pending yet
                new PullRequestFacts("org/api", 4, "t", "alice", "open", true, "other", T0, null, null, null, null,
                        null, List.of("dave"), List.of()));

        assertEquals(List.of(new ReviewerLoad("bob", 2, 3, 3600L), new ReviewerLoad("carol", 1, 0, null)),
                ReviewerLoad.of(prs, T0));
    }

    @Test
    void reviewsBeforeTheWindowDoNotCount() {
        List<PullRequestFacts> prs = List.of(open("org/api", 1, "alice", T0, List.of(),
                review("bob", "approved", T0.plus(Duration.ofHours(1)))));

        assertEquals(List.of(), ReviewerLoad.of(prs, T0.plus(Duration.ofHours(2))));
    }
}
