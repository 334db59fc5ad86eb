package dev.orgpulse.ingest.oidc;

import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;

import org.jose4j.http.SimpleGet;
import org.jose4j.http.SimpleResponse;

/**
 * Fetches the key set no oftener than once per interval, whatever asks: an expired cache, a token naming an
 * unknown key, or every push while no key was ever fetched (the key endpoint being down). A fetch asked for
 * too soon fails at once, instead of queueing behind the previous one or adding to Google's traffic.
 */
final class ThrottledGet implements SimpleGet {

    private final SimpleGet http;
    private final long minIntervalNanos;
    private final LongSupplier nanoTime;
    private boolean attempted;
    private long lastAttempt;

    ThrottledGet(SimpleGet http, Duration minInterval, LongSupplier nanoTime) {
        this.http = http;
        this.minIntervalNanos = minInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public SimpleResponse get(String location) throws IOException {
        claimAttempt();
        return http.get(location);
    }

    private synchronized void claimAttempt() throws IOException {
        long now = nanoTime.getAsLong();
        if (attempted && now - lastAttempt < minIntervalNanos) {
            throw new IOException("the key set was last fetched " + Duration.ofNanos(now - lastAttempt).toMillis()
                    + " ms ago; not again before " + Duration.ofNanos(minIntervalNanos).toMillis() + " ms");
        }
        attempted = true;
        lastAttempt = now;
    }
}
