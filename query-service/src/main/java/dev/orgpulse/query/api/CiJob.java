package dev.orgpulse.query.api;

import java.time.Instant;
import java.util.List;

/** One job of a workflow run attempt, of {@code GET /api/ci/runs/{id}/jobs}. */
public record CiJob(long jobId, long runId, int attempt, String name, String status, String conclusion,
        Instant startedAt, Instant completedAt, Long durationSeconds, String runnerName, List<String> labels,
        String url) {
}
