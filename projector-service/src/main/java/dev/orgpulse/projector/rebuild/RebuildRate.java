package dev.orgpulse.projector.rebuild;

import java.time.Duration;
import java.time.Instant;

/**
 * The rate of a rebuild and its time left, from what this run folded since it started: a rebuild resumed after a
 * restart does not count the records of the run before.
 *
 * @param startedAt when this run started
 * @param foldedAtStart records the rebuild had folded when this run started
 */
public record RebuildRate(Instant startedAt, long foldedAtStart) {

    /** Records per second since this run started; 0 before the first full second. */
    public double perSecond(long folded, Instant now) {
        double seconds = Duration.between(startedAt, now).toMillis() / 1000.0;
        return seconds < 1 ? 0 : Math.max(0, folded - foldedAtStart) / seconds;
    }

    /** Seconds until the rebuild has folded {@code remaining} more records at {@code perSecond}; unknown at rate 0. */
    public static Long etaSeconds(Long remaining, Double perSecond) {
        if (remaining == null) {
            return null;
        }
        if (remaining == 0) {
            return 0L;
        }
        return perSecond == null || perSecond <= 0 ? null : (long) Math.ceil(remaining / perSecond);
    }
}
