package dev.orgpulse.ingest.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jose4j.http.Response;
import org.jose4j.http.SimpleGet;
import org.jose4j.http.SimpleResponse;
import org.junit.jupiter.api.Test;

class ThrottledGetTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final String LOCATION = "https://keys.example/certs";

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger requests = new AtomicInteger();
    private final SimpleResponse response = new Response(200, "OK", Map.of(), "{\"keys\":[]}");

    @Test
    void fetchesAtOnceTheFirstTime() throws IOException {
        ThrottledGet get = throttled(location -> {
            requests.incrementAndGet();
            return response;
        });

        assertSame(response, get.get(LOCATION));
        assertEquals(1, requests.get());
    }

    @Test
    void refusesToFetchAgainWithinTheInterval() throws IOException {
        ThrottledGet get = throttled(location -> {
            requests.incrementAndGet();
            return response;
        });
        get.get(LOCATION);

        now.addAndGet(INTERVAL.toNanos() - 1);

        assertThrows(IOException.class, () -> get.get(LOCATION));
        assertEquals(1, requests.get());
    }

    @Test
    void fetchesAgainOnceTheIntervalHasPassed() throws IOException {
        ThrottledGet get = throttled(location -> {
            requests.incrementAndGet();
            return response;
        });
        get.get(LOCATION);

        now.addAndGet(INTERVAL.toNanos());

        assertSame(response, get.get(LOCATION));
        assertEquals(2, requests.get());
    }

    @Test
    void countsAFailedFetchAsAnAttempt() {
        ThrottledGet get = throttled(location -> {
            requests.incrementAndGet();
            throw new IOException("connection refused");
        });

        IOException failed = assertThrows(IOException.class, () -> get.get(LOCATION));
        assertEquals("connection refused", failed.getMessage());
        now.addAndGet(INTERVAL.toNanos() / 2);

        assertThrows(IOException.class, () -> get.get(LOCATION));
        assertEquals(1, requests.get());
    }

    private ThrottledGet throttled(SimpleGet http) {
        return new ThrottledGet(http, INTERVAL, now::get);
    }
}
