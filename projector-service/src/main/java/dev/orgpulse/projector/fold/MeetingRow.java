package dev.orgpulse.projector.fold;

import java.time.Instant;

/**
 * What the log has told about one conference (one meeting held in a space). Two rows about the same conference
 * merge into one whatever their order ({@link #mergedWith}), so events folded late, out of order or twice (Pub/Sub
 * delivers at least once, and a repeated event gets a new message id) end in the same row.
 *
 * @param conference  {@code conferenceRecords/<id>}: the natural key
 * @param space       {@code spaces/<id>}: where it was held; {@code null} when no event named it
 * @param startedAt   from its {@code started} event; {@code null} until that is folded
 * @param endedAt     from its {@code ended} event; {@code null} while it runs, or until that is folded
 * @param firstSeenAt the earliest time any of its events carries: dates a meeting whose start is not known yet
 */
public record MeetingRow(String conference, String space, Instant startedAt, Instant endedAt, Instant firstSeenAt) {

    public MeetingRow {
        startedAt = MergeRules.storable(startedAt);
        endedAt = MergeRules.storable(endedAt);
        firstSeenAt = MergeRules.storable(firstSeenAt);
    }

    /**
     * The row both rows make together: the earliest start and the latest end any event told, the earliest time seen.
     * Commutative, associative and idempotent, so any order of any repetition of events gives the same row.
     */
    public MeetingRow mergedWith(MeetingRow other) {
        if (!conference.equals(other.conference)) {
            throw new IllegalArgumentException(conference + " cannot merge with " + other.conference);
        }
        return new MeetingRow(conference, MergeRules.leastOf(space, other.space),
                MergeRules.earliestOf(startedAt, other.startedAt), MergeRules.latestOf(endedAt, other.endedAt),
                MergeRules.earliestOf(firstSeenAt, other.firstSeenAt));
    }
}
