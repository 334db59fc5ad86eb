package dev.orgpulse.query.api;

/**
 * One person's meetings in one ISO week, of {@code GET /api/meetings/attendance}.
 *
 * @param week     ISO 8601 week of the meetings' start (UTC), e.g. {@code 2026-W47}
 * @param person   {@code users/<id>} of a signed-in Google user, else the participant's resource name
 * @param name     the name Meet showed for them last that week, else {@code person}
 * @param minutes  time in those meetings, overlapping sessions of one meeting counted once
 * @param meetings how many meetings they were in
 */
public record AttendanceWeek(String week, String person, String name, long minutes, int meetings) {
}
