package dev.orgpulse.query.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the read models know of one pull request, as the metrics need it.
 *
 * @param state   {@code open}, {@code closed} (without merge) or {@code merged}
 * @param type    what its title says it is: feat, fix, refactor, chore, docs, test or other
 * @param readyAt when it was marked ready for review; {@code null} when it was opened ready (or the fold did not say)
 * @param reviews every review submitted on it, by anyone
 */
public record PullRequestFacts(String repo, int number, String title, String author, String state, boolean draft,
        String type, Instant openedAt, Instant readyAt, Instant mergedAt, Instant closedAt, Integer additions,
        Integer deletions, List<String> requestedReviewers, List<Review> reviews) {

    public PullRequestFacts {
        requestedReviewers = List.copyOf(requestedReviewers);
        reviews = List.copyOf(reviews);
    }

    public String url() {
        return "https://github.com/" + repo + "/pull/" + number;
    }

    /** Since when it has been waiting for reviews: when it was marked ready, or opened when it was opened ready. */
    public Instant readySince() {
        return readyAt != null && readyAt.isAfter(openedAt) ? readyAt : openedAt;
    }

    /** The first review by someone other than its author, bots left out. */
    public Optional<Review> firstReview() {
        return reviewsByOthers().min(Comparator.comparing(Review::submittedAt));
    }

    /** From ready to the first review by someone else; a review of the draft counts as an immediate one. */
    public Optional<Duration> timeToFirstReview() {
        return firstReview().map(review -> nonNegative(Duration.between(readySince(), review.submittedAt())));
    }

    public Optional<Duration> timeToMerge() {
        return Optional.ofNullable(mergedAt).map(merged -> nonNegative(Duration.between(openedAt, merged)));
    }

    Stream<Review> reviewsByOthers() {
        return reviews.stream().filter(review -> review.countsFor(author));
    }

    static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
