package dev.orgpulse.query.readmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How long someone was in one meeting: the union of the stretches their sessions count for
 * ({@link SessionRecord#countedIn}), so overlapping sessions (two devices, a rejoin before the first session's
 * {@code left}) count once.
 */
final class AttendedTime {

    private static final long MILLIS_PER_MINUTE = Duration.ofMinutes(1).toMillis();

    private AttendedTime() {
    }

    static Duration of(MeetingRecord meeting, List<SessionRecord> sessions) {
        List<SessionRecord.Stretch> stretches = sessions.stream().map(session -> session.countedIn(meeting))
                .flatMap(Optional::stream).sorted(Comparator.comparing(SessionRecord.Stretch::from)).toList();
        Duration total = Duration.ZERO;
        Instant countedUpTo = Instant.MIN;
        for (SessionRecord.Stretch stretch : stretches) {
            Instant from = stretch.from().isAfter(countedUpTo) ? stretch.from() : countedUpTo;
            if (stretch.to().isAfter(from)) {
                total = total.plus(Duration.between(from, stretch.to()));
                countedUpTo = stretch.to();
            }
        }
        return total;
    }

    /** Whole minutes, to the nearest (half a minute up); none for a negative duration (clocks that disagree). */
    static long minutes(Duration duration) {
        return Math.max(0, (duration.toMillis() + MILLIS_PER_MINUTE / 2) / MILLIS_PER_MINUTE);
    }
}
