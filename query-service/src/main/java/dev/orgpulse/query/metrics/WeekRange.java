package dev.orgpulse.query.metrics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code weeks} ISO weeks (Monday to Sunday, UTC) up to and including the one {@code now} is in: what
 * {@code ?weeks=N} of the metrics endpoints covers.
 */
public record WeekRange(Instant now, int weeks) {

    public WeekRange {
        if (weeks < 1) {
            throw new IllegalArgumentException("a range spans at least one week, not " + weeks);
        }
    }

    /** Monday 00:00 UTC of the oldest week. */
    public Instant since() {
        LocalDate monday = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1L);
        return monday.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean contains(Instant at) {
        return at != null && !at.isBefore(since()) && !at.isAfter(now);
    }

    /** The weeks' names ({@code 2026-W48}), oldest first. */
    public List<String> labels() {
        List<String> labels = new ArrayList<>(weeks);
        Instant monday = since();
        for (int week = 0; week < weeks; week++) {
            labels.add(label(monday.plusSeconds(week * 7L * 86_400)));
        }
        return labels;
    }

    /** The ISO week an instant falls in (UTC), as {@code <week-based year>-W<two-digit week>}. */
    public static String label(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
