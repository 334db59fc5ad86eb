package dev.orgpulse.projector.fold;

import java.time.Instant;

/**
 * What the log has told about one participant session: one stretch of a participant in a conference, from joining
 * to leaving. Rows about the same session merge whatever their order ({@link #mergedWith}): a {@code left} folded
 * before its {@code joined}, or either twice, end in the same row.
 *
 * @param session     {@code conferenceRecords/<c>/participants/<p>/participantSessions/<s>}: the natural key
 * @param participant {@code conferenceRecords/<c>/participants/<p>}: who (see the {@code meet_participant} identity)
 * @param conference  {@code conferenceRecords/<c>}
 * @param joinedAt    from its {@code joined} event; {@code null} until that is folded
 * @param leftAt      from its {@code left} event; {@code null} while the participant is in, or until that is folded
 */
public record ParticipantSessionRow(String session, String participant, String conference, Instant joinedAt,
        Instant leftAt) {

    public ParticipantSessionRow {
        joinedAt = MergeRules.storable(joinedAt);
        leftAt = MergeRules.storable(leftAt);
    }

    /** The earliest join and the latest leave either row tells: the same row in any order, however often. */
    public ParticipantSessionRow mergedWith(ParticipantSessionRow other) {
        if (!session.equals(other.session)) {
            throw new IllegalArgumentException(session + " cannot merge with " + other.session);
        }
        return new ParticipantSessionRow(session, participant, conference,
                MergeRules.earliestOf(joinedAt, other.joinedAt), MergeRules.latestOf(leftAt, other.leftAt));
    }
}
