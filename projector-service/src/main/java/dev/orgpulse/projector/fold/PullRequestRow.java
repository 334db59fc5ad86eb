package dev.orgpulse.projector.fold;

import java.time.Instant;

/**
 * A pull request as the delivery describes it.
 *
 * @param updatedAt the payload's {@code updated_at}: a stored row is only replaced by one at least as recent
 */
public record PullRequestRow(String repo, int number, String title, String authorLogin, boolean bot,
        PullRequestState state, boolean draft, Instant openedAt, Instant mergedAt, Instant closedAt, Instant updatedAt) {
}
