package dev.orgpulse.query.config;

import java.time.Clock;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** One clock for the rolling window and session expiry, so both read "now" the same way. */
public class Clocks {

    @Produces
    @Singleton
    Clock utc() {
        return Clock.systemUTC();
    }
}
