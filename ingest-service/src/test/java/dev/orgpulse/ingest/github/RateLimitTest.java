package dev.orgpulse.ingest.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RateLimitTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void readsTheThreeHeaders() {
        HttpHeaders headers = HttpHeaders.of(Map.of("x-ratelimit-limit", List.of("5000"), "x-ratelimit-remaining",
                List.of("4321"), "x-ratelimit-reset", List.of("1772445600")), (name, value) -> true);

        assertEquals(Optional.of(new RateLimit(5000, 4321, Instant.ofEpochSecond(1772445600))),
                RateLimit.fromHeaders(headers));
    }

    @Test
    void noLimitWithoutAllThreeHeaders() {
        HttpHeaders headers = HttpHeaders.of(Map.of("x-ratelimit-remaining", List.of("12")), (name, value) -> true);

        assertEquals(Optional.empty(), RateLimit.fromHeaders(headers));
    }

    @Test
    void pausesOnlyInTheLastTenthAndUntilTheResetAtTheReserve() {
        Instant reset = NOW.plusSeconds(1000);

        assertEquals(Duration.ZERO, new RateLimit(5000, 500, reset).pause(NOW, 100));
        assertEquals(Duration.ofSeconds(1001).dividedBy(399), new RateLimit(5000, 499, reset).pause(NOW, 100));
        assertEquals(Duration.ofSeconds(1001), new RateLimit(5000, 100, reset).pause(NOW, 100));
        assertEquals(Duration.ZERO, new RateLimit(5000, 0, NOW.minusSeconds(1)).pause(NOW, 100),
                "a reset in the past means a fresh budget");
    }
}
