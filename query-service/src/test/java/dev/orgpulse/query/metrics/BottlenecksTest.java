package dev.orgpulse.query.metrics;

import static dev.orgpulse.query.metrics.PullRequests.open;
import static dev.orgpulse.query.metrics.PullRequests.review;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class BottlenecksTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Bottlenecks DEFAULTS = new Bottlenecks(Duration.ofHours(24), Duration.ofHours(72));

    @Test
    void eachOpenPullRequestWaitsForWhatItsReviewsLeaveOpenLongestFirst() {
        List<PullRequestFacts> prs = List.of(
                open("org/api", 1, "alice", hoursAgo(100), List.of("bob"),
                        review("alice", "commented", hoursAgo(90)), review("ci[bot]", "approved", hoursAgo(80))),
                open("org/api", 2, "alice", hoursAgo(50), List.of(),
                        review("bob", "approved", hoursAgo(40)), review("carol", "changes_requested", hoursAgo(30))),
                open("org/api", 3, "alice", hoursAgo(20), List.of(),
                        review("bob", "changes_requested", hoursAgo(10)), review("bob", "approved", hoursAgo(5))),
                open("org/web", 4, "dave", hoursAgo(8), List.of(), review("erin", "commented", hoursAgo(7))));

        List<Bottleneck> ranked = DEFAULTS.rank(prs, NOW, 20);

        assertEquals(List.of(
                new Bottleneck("org/api", 1, "PR 1", "alice", "https://github.com/org/api/pull/1", "first_review",
                        hoursAgo(100), 360_000, "critical"),
                new Bottleneck("org/api", 2, "PR 2", "alice", "https://github.com/org/api/pull/2", "author",
                        hoursAgo(30), 108_000, "warning"),
                new Bottleneck("org/web", 4, "PR 4", "dave", "https://github.com/org/web/pull/4", "review",
                        hoursAgo(7), 25_200, "ok"),
                new Bottleneck("org/api", 3, "PR 3", "alice", "https://github.com/org/api/pull/3", "merge",
                        hoursAgo(5), 18_000, "ok")), ranked);
        assertEquals(2, DEFAULTS.rank(prs, NOW, 2).size());
    }

    @Test
    void draftsAndClosedPullRequestsWaitForNobody() {
        PullRequestFacts draft = new PullRequestFacts("org/api", 1, "t", "alice", "open", true, "other",
                hoursAgo(100), null, null, null, null, null, List.of(), List.of());
        PullRequestFacts merged = PullRequests.merged("org/api", 2, "fix", hoursAgo(100), hoursAgo(1), 1, 1);

        assertEquals(List.of(), DEFAULTS.rank(List.of(draft, merged), NOW, 20));
    }

    @Test
    void severityTurnsAtEachThresholdInclusive() {
        assertEquals("ok", DEFAULTS.severity(Duration.ofHours(24).minusSeconds(1)));
        assertEquals("warning", DEFAULTS.severity(Duration.ofHours(24)));
        assertEquals("critical", DEFAULTS.severity(Duration.ofHours(72)));
        assertThrows(IllegalArgumentException.class, () -> new Bottlenecks(Duration.ofHours(2), Duration.ofHours(1)));
    }

    private static Instant hoursAgo(int hours) {
        return NOW.minus(Duration.ofHours(hours));
    }
}
