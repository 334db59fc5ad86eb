package dev.orgpulse.projector.fold;

import java.time.Instant;

/**
 * A pull request review, by its id. Submission and dismissal may arrive in either order: the stored row keeps the
 * submitted state once known, and dismissal for good.
 *
 * @param state       {@code approved}, {@code changes_requested} or {@code commented}; {@code null} when this
 *                    delivery is the dismissal, which does not repeat it
 * @param dismissed   whether this delivery dismisses it
 */
public record ReviewRow(long reviewId, long repoId, String repo, int prNumber, String reviewer, boolean bot,
        String state, boolean dismissed, Instant submittedAt) {

    /** The review as first stored, with its submitted state once known and dismissed for good. */
    public ReviewRow completedBy(ReviewRow later) {
        return new ReviewRow(reviewId, repoId, repo, prNumber, reviewer, bot, state != null ? state : later.state,
                dismissed || later.dismissed, submittedAt);
    }
}
