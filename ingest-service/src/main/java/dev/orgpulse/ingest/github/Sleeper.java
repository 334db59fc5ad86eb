package dev.orgpulse.ingest.github;

import java.time.Duration;

/** Waits between calls to GitHub; tests replace it to see the waits without spending them. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
