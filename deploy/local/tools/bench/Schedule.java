package tools;

/**
 * When each request of an open-loop load is due: request i at {@code start + i / perSecond}, whatever the answers do.
 * A request taken late (no connection was free, or the pacer woke late) keeps the time it was due, so that its latency
 * counts from then (coordinated omission corrected, as wrk2 does); the requests after it keep theirs, so a stall is
 * followed by a burst that catches up rather than by a schedule shifted later. Each time is computed from its index,
 * not by adding up intervals, so the schedule does not drift over a long run.
 */
final class Schedule {

    private final long startNanos;
    private final double perSecond;
    private long next;

    Schedule(long startNanos, double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("a schedule needs a rate above 0, not " + perSecond);
        }
        this.startNanos = startNanos;
        this.perSecond = perSecond;
    }

    /** When request {@code index} (from 0) is due, on the {@link System#nanoTime()} clock. */
    long dueAt(long index) {
        return startNanos + (long) (index * 1e9 / perSecond);
    }

    /** How many requests are due before {@code nanoTime}: the index of the first due at or after it. */
    long dueBefore(long nanoTime) {
        long index = Math.max(0, (long) Math.ceil((nanoTime - startNanos) * perSecond / 1e9));
        // the estimate may be one off either way where dueAt rounded
        while (index > 0 && dueAt(index - 1) >= nanoTime) {
            index--;
        }
        while (dueAt(index) < nanoTime) {
            index++;
        }
        return index;
    }

    /** When the next request not yet taken is due. */
    long nextDueAt() {
        return dueAt(next);
    }

    /** Takes the next request, due or not: returns when it was due. */
    long take() {
        return dueAt(next++);
    }

    /** How many requests were taken so far. */
    long taken() {
        return next;
    }
}
