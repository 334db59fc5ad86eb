package dev.orgpulse.query.api;

/** {@code GET /api/stats}: top-line totals over the window (codewall shape). */
public record Stats(long commits, long reposActive, long prsOpen, long prsMerged, long peopleActive) {
}
