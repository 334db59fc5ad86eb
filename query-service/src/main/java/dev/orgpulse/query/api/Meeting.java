package dev.orgpulse.query.api;

import java.time.Instant;
import java.util.List;

/**
 * One meeting (a Meet conference record) of {@code GET /api/meetings}.
 *
 * @param startedAt       from its {@code started} event; {@code null} until that is known
 * @param endedAt         from its {@code ended} event; {@code null} while it runs
 * @param durationMinutes from start to end, rounded to the nearest minute; {@code null} while it runs
 * @param participants    everyone who took part, the first to join first
 */
public record Meeting(String space, String conference, Instant startedAt, Instant endedAt, Long durationMinutes,
        List<MeetingParticipant> participants) {
}
