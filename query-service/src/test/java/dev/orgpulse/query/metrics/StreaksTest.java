package dev.orgpulse.query.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class StreaksTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");

    @Test
    void aStreakCountsTheDaysInARowUpToToday() {
        assertEquals(3, Streaks.current(List.of(TODAY, TODAY.minusDays(1), TODAY.minusDays(2), TODAY.minusDays(4)),
                TODAY));
    }

    @Test
    void aStreakEndingYesterdayStillRunsOneEndingEarlierDoesNot() {
        assertEquals(2, Streaks.current(List.of(TODAY.minusDays(1), TODAY.minusDays(2)), TODAY));
        assertEquals(0, Streaks.current(List.of(TODAY.minusDays(2), TODAY.minusDays(3)), TODAY));
    }
}
