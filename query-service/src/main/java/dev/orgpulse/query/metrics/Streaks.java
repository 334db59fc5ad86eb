package dev.orgpulse.query.metrics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/** Runs of consecutive days with activity. */
public final class Streaks {

    private Streaks() {
    }

    /**
     * The days in a row, up to today, on which someone was active; a streak whose last day is yesterday still runs
     * (today is not over). Zero when neither today nor yesterday had activity.
     */
    public static int current(Collection<LocalDate> activeDays, LocalDate today) {
        Set<LocalDate> days = Set.copyOf(activeDays);
        LocalDate day = days.contains(today) ? today : today.minusDays(1);
        int streak = 0;
        while (days.contains(day)) {
            streak++;
            day = day.minusDays(1);
        }
        return streak;
    }
}
