package dev.orgpulse.query.api;

import java.time.Instant;

/**
 * One workflow run attempt of {@code GET /api/ci/runs}.
 *
 * @param durationSeconds from its start to its last update, once completed
 */
public record CiRun(String repo, String workflow, long runId, int attempt, String status, String conclusion,
        String branch, String sha, String actor, Instant startedAt, Instant updatedAt, Long durationSeconds,
        String url) {
}
