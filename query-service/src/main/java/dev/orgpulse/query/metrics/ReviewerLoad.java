package dev.orgpulse.query.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One reviewer of {@code GET /api/reviewers/load}.
 *
 * @param pendingRequests      open, non-draft pull requests that request their review now
 * @param reviews              reviews they submitted since the window's start on other people's pull requests
 * @param medianFirstResponseS the median (nearest rank) over those pull requests of the time from ready to their first
 *                             review; {@code null} without one
 */
public record ReviewerLoad(String login, long pendingRequests, long reviews, Long medianFirstResponseS) {

    /** Everyone with a pending request or a review since {@code since}, busiest first (pending, then reviews, then login). */
    public static List<ReviewerLoad> of(List<PullRequestFacts> prs, Instant since) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, List<Long>> firstResponses = new TreeMap<>();
        for (PullRequestFacts pr : prs) {
            if ("open".equals(pr.state()) && !pr.draft()) {
                pr.requestedReviewers().forEach(login -> counts.computeIfAbsent(login, key -> new long[2])[0]++);
            }
            Map<String, Instant> firstByReviewer = new TreeMap<>();
            pr.reviewsByOthers().filter(review -> !review.submittedAt().isBefore(since)).forEach(review -> {
                counts.computeIfAbsent(review.reviewer(), key -> new long[2])[1]++;
                firstByReviewer.merge(review.reviewer(), review.submittedAt(),
                        (one, other) -> one.isBefore(other) ? one : other);
            });
            firstByReviewer.forEach((login, first) -> firstResponses.computeIfAbsent(login, key -> new ArrayList<>())
                    .add(PullRequestFacts.nonNegative(Duration.between(pr.readySince(), first)).toSeconds()));
        }
        List<ReviewerLoad> loads = new ArrayList<>();
        counts.forEach((login, figures) -> loads.add(new ReviewerLoad(login, figures[0], figures[1],
                Spread.of(firstResponses.getOrDefault(login, List.of())).p50())));
        loads.sort(Comparator.comparingLong(ReviewerLoad::pendingRequests).reversed()
                .thenComparing(Comparator.comparingLong(ReviewerLoad::reviews).reversed())
                .thenComparing(ReviewerLoad::login));
        return List.copyOf(loads);
    }
}
