package dev.orgpulse.query.metrics;

import java.time.Instant;

/**
 * A deployment reaching {@code success}, or {@code failure}/{@code error} (both count as failed), in one repository
 * and environment. A deployment that fails and is then retried to success is one failure and one deployment.
 */
public record DeploymentOutcome(long repoId, String environment, long deploymentId, boolean success, Instant at) {
}
