package dev.orgpulse.query.api;

import java.time.LocalDate;

/** One cell of {@code GET /api/heatmap}: feed items on one UTC day. */
public record HeatmapDay(LocalDate date, long count) {
}
