package dev.orgpulse.query.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who an open, non-draft pull request is waiting for, ranked by how long. Only reviews by others count (not the
 * author's replies, not bots'):
 * <ul>
 * <li>no review yet: {@code first_review}, since it became ready;</li>
 * <li>a reviewer's standing review requests changes: {@code author}, since the latest such request;</li>
 * <li>approved, nothing standing against it: {@code merge}, since the latest approval;</li>
 * <li>otherwise (only comments): {@code review}, since the latest review.</li>
 * </ul>
 *
 * @param warning  waiting this long is a warning ({@code ORGPULSE_BOTTLENECK_WARNING})
 * @param critical waiting this long is critical ({@code ORGPULSE_BOTTLENECK_CRITICAL})
 */
public record Bottlenecks(Duration warning, Duration critical) {

    public Bottlenecks {
        if (critical.compareTo(warning) < 0) {
            throw new IllegalArgumentException("the critical threshold " + critical + " is below the warning one "
                    + warning);
        }
    }

    /** The open, non-draft pull requests, longest waiting first (then by repository and number), at most {@code limit}. */
    public List<Bottleneck> rank(List<PullRequestFacts> prs, Instant now, int limit) {
        return prs.stream()
                .filter(pr -> "open".equals(pr.state()) && !pr.draft())
                .map(pr -> bottleneck(pr, now))
                .sorted(Comparator.comparingLong(Bottleneck::waitingS).reversed()
                        .thenComparing(Bottleneck::repo).thenComparingInt(Bottleneck::number))
                .limit(limit)
                .toList();
    }

    public String severity(Duration waiting) {
        if (waiting.compareTo(critical) >= 0) {
            return "critical";
        }
        return waiting.compareTo(warning) >= 0 ? "warning" : "ok";
    }

    Bottleneck bottleneck(PullRequestFacts pr, Instant now) {
        List<Review> byOthers = pr.reviewsByOthers().sorted(Comparator.comparing(Review::submittedAt)).toList();
        String waitingFor;
        Instant since;
        if (byOthers.isEmpty()) {
            waitingFor = "first_review";
            since = pr.readySince();
        } else {
            Map<String, Review> standing = new LinkedHashMap<>();
            byOthers.stream().filter(Review::standing).forEach(review -> standing.put(review.reviewer(), review));
            List<Review> changesRequested = standing.values().stream()
                    .filter(review -> "changes_requested".equals(review.state())).toList();
            if (!changesRequested.isEmpty()) {
                waitingFor = "author";
                since = latest(changesRequested);
            } else if (!standing.isEmpty()) {
                waitingFor = "merge";
                since = latest(List.copyOf(standing.values()));
            } else {
                waitingFor = "review";
                since = latest(byOthers);
            }
        }
        Duration waiting = PullRequestFacts.nonNegative(Duration.between(since, now));
        return new Bottleneck(pr.repo(), pr.number(), pr.title(), pr.author(), pr.url(), waitingFor, since,
                waiting.toSeconds(), severity(waiting));
    }

    private static Instant latest(List<Review> reviews) {
        return reviews.stream().map(Review::submittedAt).max(Comparator.naturalOrder()).orElseThrow();
    }
}
