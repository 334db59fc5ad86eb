package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Merging what several events told: the earlier or later of two values, a missing one ({@code null}) never wins. */
final class MergeRules {

    private MergeRules() {
    }

    static Instant earliestOf(Instant one, Instant other) {
        return one == null ? other : other == null || one.isBefore(other) ? one : other;
    }

    static Instant latestOf(Instant one, Instant other) {
        return one == null ? other : other == null || one.isAfter(other) ? one : other;
    }

    /** The lesser of two texts: a deterministic choice should two events disagree. */
    static String leastOf(String one, String other) {
        return one == null ? other : other == null || one.compareTo(other) <= 0 ? one : other;
    }

    /**
     * An instant as PostgreSQL keeps it (microseconds), so that a row read back equals the row written and merging
     * the same event again is seen to change nothing.
     */
    static Instant storable(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
