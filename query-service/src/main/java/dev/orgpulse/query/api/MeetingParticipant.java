package dev.orgpulse.query.api;

import java.time.Instant;

/**
 * One participant of a {@link Meeting}, all their sessions together.
 *
 * @param participant {@code conferenceRecords/<c>/participants/<p>}
 * @param name        the name Meet shows, or the participant's resource name until the Meet API's answer is folded
 * @param user        {@code users/<id>} of a signed-in Google user; {@code null} for guests, phones, or until known
 * @param joinedAt    when they first joined; {@code null} while only a {@code left} is known
 * @param leftAt      when they last left; {@code null} while a session of theirs is open
 * @param minutes     the time they were in, overlapping sessions counted once (see docs/api.md, Meetings)
 */
public record MeetingParticipant(String participant, String name, String user, Instant joinedAt, Instant leftAt,
        long minutes) {
}
