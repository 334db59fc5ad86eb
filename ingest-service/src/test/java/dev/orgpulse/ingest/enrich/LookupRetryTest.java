package dev.orgpulse.ingest.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.orgpulse.ingest.error.Causes;
import io.smallrye.mutiny.Uni;

class LookupRetryTest {

    private static final Duration QUICK = Duration.ofMillis(1);

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void triesAgainWhileGoogleCannotAnswer() {
        LookupRetry retry = new LookupRetry(3, QUICK, QUICK, Duration.ofSeconds(1));

        String answer = retry.around(failingTimes(2, GoogleApiException.Kind.TRANSIENT)).await().indefinitely();

        assertEquals("answer", answer);
        assertEquals(3, attempts.get());
    }

    @Test
    void givesUpAfterTheLastAttemptWithGooglesLastAnswer() {
        LookupRetry retry = new LookupRetry(3, QUICK, QUICK, Duration.ofSeconds(1));

        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> retry.around(failingTimes(5, GoogleApiException.Kind.TRANSIENT)).await().indefinitely());

        assertEquals(3, attempts.get());
        assertEquals("attempt 3", Causes.ofType(failure, GoogleApiException.class).getMessage());
    }

    @Test
    void doesNotAskAgainWhenTheAnswerIsNo() {
        LookupRetry retry = new LookupRetry(3, QUICK, QUICK, Duration.ofSeconds(1));

        GoogleApiException failure = assertThrows(GoogleApiException.class,
                () -> retry.around(failingTimes(1, GoogleApiException.Kind.NOT_FOUND)).await().indefinitely());

        assertSame(GoogleApiException.Kind.NOT_FOUND, failure.kind());
        assertEquals(1, attempts.get());
    }

    @Test
    void boundsALookupByItsAttemptsTimeoutsAndWaits() {
        LookupRetry retry = new LookupRetry(4, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(10));

        // 4 attempts of a token request and an API call of 10 s each, 3 waits of at most 10 s plus 20 % jitter
        assertEquals(Duration.ofSeconds(4 * 2 * 10 + 3 * 12), retry.longest());
    }

    @Test
    void refusesANonsensicalPolicy() {
        assertThrows(IllegalArgumentException.class, () -> new LookupRetry(0, QUICK, QUICK, QUICK));
        assertThrows(IllegalArgumentException.class,
                () -> new LookupRetry(2, Duration.ofSeconds(2), Duration.ofSeconds(1), QUICK));
    }

    private Uni<String> failingTimes(int failures, GoogleApiException.Kind kind) {
        return Uni.createFrom().item(attempts::incrementAndGet).map(attempt -> {
            if (attempt <= failures) {
                throw new GoogleApiException(kind, "attempt " + attempt);
            }
            return "answer";
        });
    }
}
