package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.List;

/** A job of a workflow run ({@code workflow_job}), by its id; the furthest picture wins, then the newest. */
public record CiJobRow(long jobId, long runId, int runAttempt, long repoId, String repo, String workflow, String name,
        String status, String conclusion, String headBranch, String headSha, Instant createdAt, Instant startedAt,
        Instant completedAt, Long durationSeconds, String runnerName, List<String> labels, String url) {

    public CiJobRow {
        labels = List.copyOf(labels);
    }

    public String revision() {
        return Revision.byProgress(CiStatus.progress(status), PayloadFields.latest(createdAt, startedAt, completedAt),
                this);
    }
}
