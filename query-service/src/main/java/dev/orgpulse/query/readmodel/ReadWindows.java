package dev.orgpulse.query.readmodel;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.config.QueryConfig;
import io.quarkus.runtime.Startup;

/** Hands out the window of a read as of now, from the configured size and bot policy. */
@Startup
@ApplicationScoped
public class ReadWindows {

    private final Clock clock;
    private final int days;
    private final boolean includeBots;

    public ReadWindows(Clock clock, QueryConfig config) {
        this.clock = clock;
        this.days = config.windowDays();
        this.includeBots = config.includeBots();
        current(); // a bad window size fails the start, not the first request
    }

    public ReadWindow current() {
        return new ReadWindow(clock.instant(), days, includeBots);
    }
}
