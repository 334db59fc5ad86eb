package dev.orgpulse.query.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.orgpulse.query.metrics.DoraMetrics.DefaultBranchCommit;

class DoraMetricsTest {

    private static final long API = 1;
    private static final long WEB = 2;
    /** Weeks 48 and 49 of 2026: from Monday 23 November. */
    private static final WeekRange TWO_WEEKS = new WeekRange(Instant.parse("2026-12-02T18:00:00Z"), 2);

    @Test
    void aDeploymentThatFailsAt1200AndSucceedsAt1245IsRestoredIn45Minutes() {
        DoraMetrics dora = DoraMetrics.of(List.of(
                outcome(API, 10, false, "2026-12-01T12:00:00Z"),
                outcome(API, 11, true, "2026-12-01T12:45:00Z")), List.of(), TWO_WEEKS);

        assertEquals(new Spread(2700L, 2700L, 1), dora.timeToRestoreS());
        assertEquals(0.5, dora.changeFailureRate());
        assertEquals(0.5, dora.deploymentFrequencyPerWeek());
        assertEquals(List.of(new DoraMetrics.Week("2026-W48", 0, 0), new DoraMetrics.Week("2026-W49", 1, 1)),
                dora.weeks());
    }

    @Test
    void leadTimeRunsFromTheEarliestCommitSinceThePreviousSuccessOfTheSameRepositoryAndEnvironment() {
        List<DeploymentOutcome> outcomes = List.of(
                outcome(API, 1, true, "2026-11-20T10:00:00Z"), // before the range: bounds the next one's commits
                outcome(API, 2, true, "2026-11-24T10:00:00Z"),
                outcome(API, 3, true, "2026-11-25T10:00:00Z"), // no commit since the previous one: no lead time
                new DeploymentOutcome(API, "staging", 4, true, Instant.parse("2026-11-26T10:00:00Z")),
                outcome(WEB, 5, true, "2026-11-30T12:00:00Z"));
        List<DefaultBranchCommit> commits = List.of(
                commit(API, "2026-11-19T10:00:00Z"), // shipped by deployment 1
                commit(API, "2026-11-23T08:00:00Z"), commit(API, "2026-11-24T09:00:00Z"),
                commit(WEB, "2026-11-30T11:00:00Z"));

        DoraMetrics dora = DoraMetrics.of(outcomes, commits, TWO_WEEKS);

        // API production: 26 h; API staging (every API commit before it, first the 19th's): 7 days; WEB: 1 h
        assertEquals(new Spread(93_600L, 604_800L, 3), dora.leadTimeS());
        assertEquals(2.0, dora.deploymentFrequencyPerWeek());
        assertEquals(0.0, dora.changeFailureRate());
        assertEquals(new Spread(null, null, 0), dora.timeToRestoreS());
        assertEquals(Optional.empty(), DoraMetrics.commitsNeededSince(outcomes, TWO_WEEKS));
        assertEquals(Optional.of(Instant.parse("2026-11-20T10:00:00Z")),
                DoraMetrics.commitsNeededSince(outcomes.subList(0, 3), TWO_WEEKS));
    }

    @Test
    void consecutiveFailuresRestoreFromTheFirstAndNothingDeployedHasNoRate() {
        DoraMetrics dora = DoraMetrics.of(List.of(
                outcome(API, 1, false, "2026-11-30T12:00:00Z"),
                outcome(API, 2, false, "2026-11-30T13:00:00Z"),
                outcome(API, 3, true, "2026-11-30T14:30:00Z")), List.of(), TWO_WEEKS);

        assertEquals(new Spread(9000L, 9000L, 1), dora.timeToRestoreS());
        assertEquals(2.0 / 3, dora.changeFailureRate());
        assertEquals(null, DoraMetrics.of(List.of(), List.of(), TWO_WEEKS).changeFailureRate());
    }

    private static DeploymentOutcome outcome(long repo, long id, boolean success, String at) {
        return new DeploymentOutcome(repo, "production", id, success, Instant.parse(at));
    }

    private static DefaultBranchCommit commit(long repo, String at) {
        return new DefaultBranchCommit(repo, Instant.parse(at));
    }
}
