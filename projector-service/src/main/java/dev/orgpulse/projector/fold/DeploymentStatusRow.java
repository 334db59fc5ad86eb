package dev.orgpulse.projector.fold;

import java.time.Instant;

/** One status a deployment reached ({@code success}, {@code failure}, {@code in_progress}, ...), by its id. */
public record DeploymentStatusRow(long statusId, long deploymentId, String state, String creator, String environment,
        Instant createdAt) {
}
