package dev.orgpulse.query.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class ReadWindowTest {

    private final ReadWindow window = new ReadWindow(Instant.parse("2024-03-01T12:34:56Z"), 90, false);

    @Test
    void theFeedWindowRollsBackExactlyTheConfiguredDays() {
        assertEquals(OffsetDateTime.parse("2023-12-02T12:34:56Z"), window.since());
    }

    @Test
    void theHeatmapCoversWholeUtcDaysEndingToday() {
        assertEquals("2023-12-03", window.firstDay().toString());
        assertEquals("2024-03-01", window.today().toString());
    }

    @Test
    void anEmptyWindowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReadWindow(Instant.now(), 0, false));
    }
}
