package dev.orgpulse.query.metrics;

import java.time.Instant;

/** One workflow run attempt, as the CI summary needs it. */
public record CiRunFacts(String repo, String workflow, long runId, int attempt, String status, String conclusion,
        Instant updatedAt, Long durationSeconds) {

    boolean completed() {
        return "completed".equals(status);
    }
}
