package dev.orgpulse.query.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class WeekRangeTest {

    /** Wednesday 2 December 2026 is in ISO week 49. */
    private static final Instant WEDNESDAY = Instant.parse("2026-12-02T15:00:00Z");

    @Test
    void theWeeksAreIsoWeeksOldestFirstEndingWithTheCurrentOne() {
        WeekRange range = new WeekRange(WEDNESDAY, 3);

        assertEquals(List.of("2026-W47", "2026-W48", "2026-W49"), range.labels());
        assertEquals(Instant.parse("2026-11-16T00:00:00Z"), range.since());
    }

    @Test
    void theWeekBasedYearNamesWeeksAcrossNewYear() {
        assertEquals("2026-W53", WeekRange.label(Instant.parse("2027-01-01T12:00:00Z")));
        assertEquals("2026-W01", WeekRange.label(Instant.parse("2025-12-29T00:00:00Z")));
        assertEquals(List.of("2026-W52", "2026-W53", "2027-W01"),
                new WeekRange(Instant.parse("2027-01-04T08:00:00Z"), 3).labels());
    }

    @Test
    void theRangeRunsFromTheOldestMondayToNow() {
        WeekRange range = new WeekRange(WEDNESDAY, 1);

        assertTrue(range.contains(Instant.parse("2026-11-30T00:00:00Z")));
        assertFalse(range.contains(Instant.parse("2026-11-29T23:59:59Z")));
        assertFalse(range.contains(WEDNESDAY.plusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new WeekRange(WEDNESDAY, 0));
    }
}
