package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.List;

/**
 * A pull request as one {@code pull_request} delivery pictures it; the stored row is the picture with the
 * greatest {@link #revision()}: a later {@code updated_at} never loses to an earlier one.
 *
 * @param repo       the repository's name as the delivery gave it (shown through {@code repository} by id)
 * @param type       what the title says it is
 * @param authorType GitHub's {@code user.type} of the author ({@code User}, {@code Bot}, ...)
 * @param additions  lines added; {@code null} when the payload does not say
 * @param mergedBy   who merged it, when merged
 */
public record PullRequestRow(long repoId, int number, String repo, Long prId, String title, PullRequestType type,
        String authorLogin, String authorType, boolean bot, PullRequestState state, boolean draft, String baseRef,
        String headRef, Integer additions, Integer deletions, Integer changedFiles, Integer commits,
        List<String> labels, List<String> requestedReviewers, Instant openedAt, Instant mergedAt, Instant closedAt,
        String mergedBy, Instant updatedAt) {

    public PullRequestRow {
        labels = List.copyOf(labels);
        requestedReviewers = List.copyOf(requestedReviewers);
    }

    /** Newest {@code updated_at} first; at the same second, merged beats closed beats open. */
    public String revision() {
        return Revision.byTime(updatedAt, state.ordinal(), this);
    }
}
