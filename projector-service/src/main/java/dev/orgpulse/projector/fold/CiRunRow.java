package dev.orgpulse.projector.fold;

import java.time.Instant;

/**
 * One attempt of a GitHub Actions workflow run, as one {@code workflow_run} delivery pictures it; the stored
 * row is the furthest picture ({@link CiStatus}), then the newest.
 *
 * @param durationSeconds from the run's start to its last update, once completed
 */
public record CiRunRow(long runId, int runAttempt, long repoId, String repo, Long workflowId, String workflow,
        Integer runNumber, String event, String status, String conclusion, String headBranch, String headSha,
        String actor, boolean bot, Instant createdAt, Instant startedAt, Instant updatedAt, Long durationSeconds,
        String url) {

    public String revision() {
        return Revision.byProgress(CiStatus.progress(status), updatedAt, this);
    }
}
