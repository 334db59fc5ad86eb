package dev.orgpulse.query.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class CiSummaryTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void runsRerunsSuccessRateDurationsAndTheLastConclusionPerRepositoryAndWorkflow() {
        List<CiRunFacts> attempts = List.of(
                run("org/api", "build", 1, 1, "completed", "failure", 1, 100L),
                run("org/api", "build", 1, 2, "completed", "success", 5, 120L),
                run("org/api", "build", 2, 1, "completed", "failure", 3, 60L),
                run("org/api", "build", 3, 1, "in_progress", null, 9, null),
                run("org/api", "deploy", 4, 1, "completed", "success", 2, 30L),
                run("org/web", "build", 5, 1, "queued", null, 1, null));

        assertEquals(List.of(
                new CiSummary("org/api", "build", 3, 0.5, 100L, 120L, "success", 1),
                new CiSummary("org/api", "deploy", 1, 1.0, 30L, 30L, "success", 0),
                new CiSummary("org/web", "build", 1, null, null, null, null, 0)), CiSummary.of(attempts));
    }

    private static CiRunFacts run(String repo, String workflow, long runId, int attempt, String status,
            String conclusion, int minutesLater, Long duration) {
        return new CiRunFacts(repo, workflow, runId, attempt, status, conclusion, T0.plusSeconds(60L * minutesLater),
                duration);
    }
}
