package dev.orgpulse.query.api;

import java.time.Instant;

/**
 * One pull request of {@code GET /api/prs}.
 *
 * @param type            what its title says it is: feat, fix, refactor, chore, docs, test or other
 * @param firstReviewAt   the first review by someone else than the author
 * @param approvals       reviewers whose latest standing review approves
 * @param additions       lines added; {@code null} until a delivery told
 */
public record PullRequestSummary(String repo, int number, String title, String type, String author, String state,
        boolean draft, Instant openedAt, Instant firstReviewAt, long reviewCount, long approvals, Instant mergedAt,
        Instant closedAt, Integer additions, Integer deletions, Integer changedFiles, String baseRef, String headRef) {
}
