package dev.orgpulse.query.metrics;

import java.time.Instant;

/**
 * An open pull request and what it has been waiting for, since when (ranked by {@code waitingS} by
 * {@link Bottlenecks}).
 *
 * @param waitingFor {@code first_review}, {@code review}, {@code author} (changes requested) or {@code merge}
 *                   (approved)
 * @param severity   {@code ok}, {@code warning} or {@code critical}, by the configured thresholds
 */
public record Bottleneck(String repo, int number, String title, String author, String url, String waitingFor,
        Instant since, long waitingS, String severity) {
}
