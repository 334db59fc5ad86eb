package dev.orgpulse.ingest.github;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the service knows of its GitHub API budget, shared by every caller: the last {@link RateLimit} GitHub told
 * (metric {@code orgpulse.github.rate_limit.remaining}, logged each time another tenth of it is spent) and the
 * calls made (metric {@code orgpulse.github.api.calls}).
 */
public final class RateBudget {

    private static final Logger LOG = Logger.getLogger(RateBudget.class);
    private static final long UNKNOWN = -1;

    private final AtomicReference<RateLimit> last = new AtomicReference<>();
    private final AtomicLong remaining = new AtomicLong(UNKNOWN);
    private final AtomicLong calls = new AtomicLong();
    private final Counter callCounter;

    public RateBudget(MeterRegistry registry) {
        registry.gauge("orgpulse.github.rate_limit.remaining", remaining);
        this.callCounter = registry.counter("orgpulse.github.api.calls");
    }

    void called() {
        calls.incrementAndGet();
        callCounter.increment();
    }

    void observed(RateLimit limit) {
        RateLimit before = last.getAndSet(limit);
        remaining.set(limit.remaining());
        if (before == null || tenth(before) != tenth(limit)) {
            LOG.infof("GitHub API budget: %d of %d calls left until %s", limit.remaining(), limit.limit(),
                    limit.reset());
        }
    }

    /** @return the last limit GitHub told, {@code null} before the first answer */
    RateLimit last() {
        return last.get();
    }

    /** @return the calls left of the budget, {@code -1} before the first answer */
    public long remaining() {
        return remaining.get();
    }

    /** @return every call made since the service started (retries included) */
    public long calls() {
        return calls.get();
    }

    private static long tenth(RateLimit limit) {
        return limit.limit() <= 0 ? 0 : limit.remaining() * 10 / limit.limit();
    }
}
