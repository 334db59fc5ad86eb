package dev.orgpulse.projector.fold;

import java.time.Instant;

/** A deployment, by its id, as the newest delivery about it pictures it. */
public record DeploymentRow(long deploymentId, long repoId, String repo, String environment, String ref, String sha,
        String task, String creator, boolean bot, Instant createdAt, Instant updatedAt) {

    public String revision() {
        return Revision.byTime(updatedAt, 0, this);
    }
}
