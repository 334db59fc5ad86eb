package dev.orgpulse.query.readmodel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.orgpulse.query.api.HeatmapDay;

/** Turns the days that had activity into the heatmap: every day of the window, oldest first, quiet days at 0. */
public final class HeatmapCells {

    private HeatmapCells() {
    }

    public static List<HeatmapDay> zeroFilled(Map<LocalDate, Long> countsByDay, ReadWindow window) {
        List<HeatmapDay> cells = new ArrayList<>(window.days());
        for (LocalDate day = window.firstDay(); !day.isAfter(window.today()); day = day.plusDays(1)) {
            cells.add(new HeatmapDay(day, countsByDay.getOrDefault(day, 0L)));
        }
        return List.copyOf(cells);
    }
}
