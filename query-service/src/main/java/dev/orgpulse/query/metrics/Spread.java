package dev.orgpulse.query.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The median and the 90th percentile of durations in seconds, and how many there were. Percentiles use the
 * nearest-rank method: the value at rank ceil(p × n) of the ascending list, always one of the measured values (of 1..10
 * seconds, p50 is 5 and p90 is 9). With no value both are {@code null}.
 */
public record Spread(Long p50, Long p90, int n) {

    public static Spread of(Collection<Long> seconds) {
        List<Long> sorted = new ArrayList<>(seconds);
        sorted.sort(null);
        return new Spread(nearestRank(sorted, 50), nearestRank(sorted, 90), sorted.size());
    }

    /** The {@code percent}th percentile of an ascending list by the nearest-rank method; {@code null} when empty. */
    static Long nearestRank(List<Long> ascending, int percent) {
        if (ascending.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * ascending.size());
        return ascending.get(Math.max(rank, 1) - 1);
    }
}
