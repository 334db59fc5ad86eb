package dev.orgpulse.ingest.github;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * GitHub's primary rate limit as its last answer told it ({@code X-RateLimit-Limit}, {@code -Remaining},
 * {@code -Reset}), and how long to hold the next call back so the budget lasts until the reset.
 */
public record RateLimit(long limit, long remaining, Instant reset) {

    /** A call after the reset still waits this long: GitHub's clock and ours are not one clock. */
    static final Duration CLOCK_SLACK = Duration.ofSeconds(1);

    static Optional<RateLimit> fromHeaders(HttpHeaders headers) {
        Optional<Long> limit = number(headers, "X-RateLimit-Limit");
        Optional<Long> remaining = number(headers, "X-RateLimit-Remaining");
        Optional<Long> reset = number(headers, "X-RateLimit-Reset");
        if (limit.isEmpty() || remaining.isEmpty() || reset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RateLimit(limit.get(), remaining.get(), Instant.ofEpochSecond(reset.get())));
    }

    /**
     * @param reserve calls left for others (people, other tools sharing the budget)
     * @return nothing while the budget is ample; in its last tenth, what is left (above the reserve) spread evenly
     *         until the reset; at the reserve or below, the time until the reset
     */
    Duration pause(Instant now, long reserve) {
        if (!reset.isAfter(now)) {
            return Duration.ZERO;
        }
        Duration untilReset = Duration.between(now, reset).plus(CLOCK_SLACK);
        if (remaining <= reserve) {
            return untilReset;
        }
        if (remaining * 10 >= limit) {
            return Duration.ZERO;
        }
        return untilReset.dividedBy(remaining - reserve);
    }

    /** @return whether this answer says the budget is spent (a 403 or 429 then means "wait for the reset") */
    boolean exhausted() {
        return remaining <= 0;
    }

    private static Optional<Long> number(HttpHeaders headers, String name) {
        try {
            return headers.firstValue(name).map(String::strip).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
