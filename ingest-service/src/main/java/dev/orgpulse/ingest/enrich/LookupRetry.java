package dev.orgpulse.ingest.enrich;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/**
 * How a lookup is retried while Google answers "not now": a bounded number of attempts with exponential backoff
 * and some jitter, so that a Google outage delays the enricher without ever stalling it.
 *
 * @param maxAttempts the first attempt included
 * @param requestTimeout how long one call to Google may take
 */
record LookupRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration requestTimeout) {

    static final double JITTER = 0.2;

    LookupRetry {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max-attempts must be at least 1, not " + maxAttempts);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("the backoff must be positive, and max-backoff at least initial-backoff");
        }
    }

    /** @param lookup subscribed again for each attempt */
    <T> Uni<T> around(Uni<T> lookup) {
        if (maxAttempts == 1) {
            return lookup;
        }
        return lookup.onFailure(GoogleApiException::isTransient).retry()
                .withBackOff(initialBackoff, maxBackoff).withJitter(JITTER)
                .atMost(maxAttempts - 1L);
    }

    /**
     * The longest a lookup can take: every attempt fetching a token and asking the API, each call up to the
     * timeout, with the longest wait (and its jitter) between attempts.
     */
    Duration longest() {
        long longestWaitMillis = (long) Math.ceil(maxBackoff.toMillis() * (1 + JITTER));
        return requestTimeout.multipliedBy(2L * maxAttempts)
                .plus(Duration.ofMillis(longestWaitMillis).multipliedBy(maxAttempts - 1L));
    }
}
