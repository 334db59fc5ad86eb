package dev.orgpulse.query.metrics;

import static dev.orgpulse.query.metrics.PullRequests.merged;
import static dev.orgpulse.query.metrics.PullRequests.open;
import static dev.orgpulse.query.metrics.PullRequests.review;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PullRequestMetricsTest {

    /** Monday 23 November 2026 (ISO week 48). */
    private static final Instant MONDAY = Instant.parse("2026-11-23T00:00:00Z");
    private static final WeekRange TWO_WEEKS = new WeekRange(Instant.parse("2026-12-02T12:00:00Z"), 2);

    @Test
    void aDraftWaitsForReviewFromWhenItBecameReadyAndForMergeFromWhenItWasOpened() {
        PullRequestFacts pr = new PullRequestFacts("org/api", 1, "feat: search", "alice", "merged", false, "feat",
                at(0, 9), at(0, 10), at(1, 10), at(1, 10), 10, 2, List.of(),
                List.of(review("alice", "commented", at(0, 11)), review("bob", "approved", at(0, 14))));

        assertEquals(Duration.ofHours(4), pr.timeToFirstReview().orElseThrow());
        assertEquals(Duration.ofHours(25), pr.timeToMerge().orElseThrow());
    }

    @Test
    void botsAndTheAuthorAreNoFirstReviewAndAReviewOfTheDraftIsAnImmediateOne() {
        PullRequestFacts onlyBots = open("org/api", 2, "alice", at(0, 9), List.of(),
                review("copilot[bot]", "commented", at(0, 9)), review("alice", "commented", at(0, 10)));
        PullRequestFacts reviewedAsDraft = new PullRequestFacts("org/api", 3, "t", "alice", "open", false, "other",
                at(0, 9), at(0, 12), null, null, null, null, List.of(), List.of(review("bob", "commented", at(0, 11))));

        assertEquals(List.of(), onlyBots.timeToFirstReview().stream().toList());
        assertEquals(Duration.ZERO, reviewedAsDraft.timeToFirstReview().orElseThrow());
    }

    @Test
    void countsSpreadsWeeksAndTypesOverTheRange() {
        List<PullRequestFacts> prs = List.of(
                // week 48: opened Monday 09:00, reviewed 2 h later, merged Tuesday 09:00 (24 h)
                merged("org/api", 1, "feat", at(0, 9), at(1, 9), 100, 20, review("bob", "approved", at(0, 11))),
                // week 49: opened Monday, reviewed 6 h later, merged 48 h after opening
                merged("org/api", 2, "fix", at(7, 8), at(9, 8), 5, 5, review("carol", "approved", at(7, 14))),
                // opened Sunday of week 47, before the range: merged in week 48 (36 h), not opened in the range
                merged("org/web", 3, "docs", at(-1, 0), at(0, 12), 1, 0),
                new PullRequestFacts("org/web", 4, "t", "bob", "closed", false, "test", at(8, 0), null, null,
                        at(8, 6), null, null, List.of(), List.of()),
                open("org/web", 5, "dave", at(9, 1), List.of("bob")));

        PullRequestMetrics metrics = PullRequestMetrics.of(prs, TWO_WEEKS);

        assertEquals(List.of(1L, 3L, 1L), List.of(metrics.open(), metrics.merged(), metrics.closed()));
        assertEquals(new Spread(7200L, 21_600L, 2), metrics.timeToFirstReviewS());
        assertEquals(new Spread(129_600L, 172_800L, 3), metrics.timeToMergeS());
        assertEquals(List.of(new PullRequestMetrics.Week("2026-W48", 1, 2, 0, 101, 20),
                new PullRequestMetrics.Week("2026-W49", 3, 1, 1, 5, 5)), metrics.weeks());
        assertEquals(Map.of("feature", 1L, "fix", 1L, "refactor", 0L, "chore", 0L, "docs", 0L, "other", 2L),
                metrics.types());
        assertEquals(List.of("feature", "fix", "refactor", "chore", "docs", "other"),
                List.copyOf(metrics.types().keySet()));
    }

    @Test
    void mergedBeforeTheRangeCountsNowhere() {
        PullRequestMetrics metrics = PullRequestMetrics.of(
                List.of(merged("org/api", 1, "fix", at(-30, 0), at(-29, 0), 1, 1)), TWO_WEEKS);

        assertEquals(0, metrics.merged());
        assertEquals(new Spread(null, null, 0), metrics.timeToMergeS());
    }

    /** {@code days} after Monday 23 November 2026, at {@code hour}:00 UTC. */
    static Instant at(int days, int hour) {
        return MONDAY.plus(Duration.ofDays(days)).plus(Duration.ofHours(hour));
    }
}
