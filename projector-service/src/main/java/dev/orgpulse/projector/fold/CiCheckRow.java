package dev.orgpulse.projector.fold;

import java.time.Instant;

/** A check run of any app ({@code check_run}), by its id; the furthest picture wins, then the newest. */
public record CiCheckRow(long checkRunId, long repoId, String repo, String name, String app, String status,
        String conclusion, String headBranch, String headSha, Instant startedAt, Instant completedAt,
        Long durationSeconds, String url) {

    public String revision() {
        return Revision.byProgress(CiStatus.progress(status), PayloadFields.latest(startedAt, completedAt), this);
    }
}
