package dev.orgpulse.query.readmodel;

import java.time.Duration;
import java.time.Instant;

/**
 * A meeting as the read model holds it ({@code meet_conference}).
 *
 * @param startedAt   from its {@code started} event; {@code null} until that is folded
 * @param endedAt     from its {@code ended} event; {@code null} while it runs
 * @param firstSeenAt the earliest time any of its events carries
 */
record MeetingRecord(String conference, String space, Instant startedAt, Instant endedAt, Instant firstSeenAt) {

    /** When it started, or while its start is not known, its earliest event: what orders and dates a meeting. */
    Instant start() {
        return startedAt != null ? startedAt : firstSeenAt;
    }

    /** From start to end; {@code null} while it runs (or its start is not known). */
    Long durationMinutes() {
        return startedAt == null || endedAt == null ? null
                : AttendedTime.minutes(Duration.between(startedAt, endedAt));
    }
}
