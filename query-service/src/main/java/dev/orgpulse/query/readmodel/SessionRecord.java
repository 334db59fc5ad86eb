package dev.orgpulse.query.readmodel;

import java.time.Instant;
import java.util.Optional;

/**
 * One participant session ({@code meet_participant_session}) with who the participant is, once the Meet API's answer
 * is folded ({@code meet_participant}).
 *
 * @param joinedAt    {@code null} while only its {@code left} is known
 * @param leftAt      {@code null} while the participant is in
 * @param displayName {@code null} until the answer is folded
 * @param googleUser  {@code users/<id>} of a signed-in user; {@code null} for guests and phones, or until known
 */
record SessionRecord(String participant, Instant joinedAt, Instant leftAt, String displayName, String googleUser) {

    /** Who this is across meetings: the Google user, else (a guest, a phone, not resolved yet) the participant. */
    String person() {
        return googleUser != null ? googleUser : participant;
    }

    /** The name to show: Meet's, else the participant's resource name. */
    String name() {
        return displayName != null ? displayName : participant;
    }

    /**
     * The stretch of {@code meeting} this session counts for: from its join to its leave. Still open, it counts up to
     * the meeting's end once the meeting ended, and nothing while the meeting runs; its join not known (the event
     * lost), it counts from the meeting's start.
     */
    Optional<Stretch> countedIn(MeetingRecord meeting) {
        Instant from = joinedAt != null ? joinedAt : meeting.startedAt();
        Instant to = leftAt != null ? leftAt : meeting.endedAt();
        return from == null || to == null || !to.isAfter(from) ? Optional.empty() : Optional.of(new Stretch(from, to));
    }

    /** A stretch of time, {@code from} before {@code to}. */
    record Stretch(Instant from, Instant to) {
    }
}
