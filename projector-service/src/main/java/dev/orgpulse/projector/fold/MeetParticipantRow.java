package dev.orgpulse.projector.fold;

import java.time.Instant;

/**
 * Who a Meet participant is, as the Meet REST API answered ({@code conferenceRecords.participants.get}, appended to
 * the log by the ingest service's enricher). The events name participants only; the queries join this by
 * {@code participant} and show the resource name until it is known.
 *
 * @param participant       {@code conferenceRecords/<c>/participants/<p>}: the natural key
 * @param kind              {@code signed_in}, {@code anonymous}, {@code phone}, or {@code unknown} for a kind of user
 *                          this projector does not know
 * @param displayName       the name Meet shows ({@code null} when the answer has none)
 * @param googleUser        {@code users/<id>} of a signed-in user: the same person across meetings
 * @param earliestStartTime when the participant first joined, by the API
 * @param latestEndTime     when the participant last left, by the API; {@code null} while in the meeting
 */
public record MeetParticipantRow(String participant, String conference, String kind, String displayName,
        String googleUser, Instant earliestStartTime, Instant latestEndTime) {

    /** A later answer knows more (the participant has left since): the answer with the later times wins. */
    public String revision() {
        return Revision.byTime(PayloadFields.latest(earliestStartTime, latestEndTime), 0, this);
    }
}
