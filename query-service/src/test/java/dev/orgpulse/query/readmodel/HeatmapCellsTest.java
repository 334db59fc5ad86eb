package dev.orgpulse.query.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orgpulse.query.api.HeatmapDay;

class HeatmapCellsTest {

    // 00:30 UTC on 1 March: still 28 February in America, already 1 March in UTC
    private static final Instant NOW = Instant.parse("2024-03-01T00:30:00Z");

    @Test
    void everyDayOfTheWindowOldestFirstEndingTodayInUtc() {
        ReadWindow window = new ReadWindow(NOW, 90, false);

        List<HeatmapDay> cells = HeatmapCells.zeroFilled(Map.of(), window);

        assertEquals(90, cells.size());
        assertEquals(LocalDate.of(2023, 12, 3), cells.get(0).date());
        assertEquals(LocalDate.of(2024, 3, 1), cells.get(89).date());
        for (int i = 1; i < cells.size(); i++) {
            assertEquals(cells.get(i - 1).date().plusDays(1), cells.get(i).date());
        }
        cells.forEach(cell -> assertEquals(0, cell.count()));
    }

    @Test
    void countsLandOnTheirDayAndQuietDaysAreZero() {
        ReadWindow window = new ReadWindow(NOW, 3, false);

        List<HeatmapDay> cells = HeatmapCells.zeroFilled(Map.of(
                LocalDate.of(2024, 2, 28), 4L,
                LocalDate.of(2024, 3, 1), 2L,
                LocalDate.of(2024, 2, 1), 9L), window);

        assertEquals(List.of(
                new HeatmapDay(LocalDate.of(2024, 2, 28), 4),
                new HeatmapDay(LocalDate.of(2024, 2, 29), 0),
                new HeatmapDay(LocalDate.of(2024, 3, 1), 2)), cells);
    }

    @Test
    void aOneDayWindowIsJustToday() {
        assertEquals(List.of(new HeatmapDay(LocalDate.of(2024, 3, 1), 0)),
                HeatmapCells.zeroFilled(Map.of(), new ReadWindow(NOW, 1, false)));
    }
}
