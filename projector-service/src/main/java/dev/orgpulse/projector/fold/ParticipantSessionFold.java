package dev.orgpulse.projector.fold;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * A Meet participant {@code joined} or {@code left} (data {@code {"participantSession": {"name"}}}): the session's
 * join or leave, at the event's time, merged into its row by the session's name. The meeting is known from it too,
 * so that a meeting whose {@code started} event is late still shows with its participants.
 */
final class ParticipantSessionFold implements WorkspaceEventFold {

    static final String JOINED = "google.workspace.meet.participant.v2.joined";
    static final String LEFT = "google.workspace.meet.participant.v2.left";

    private final boolean joined;

    private ParticipantSessionFold(boolean joined) {
        this.joined = joined;
    }

    static ParticipantSessionFold joined() {
        return new ParticipantSessionFold(true);
    }

    static ParticipantSessionFold left() {
        return new ParticipantSessionFold(false);
    }

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, WorkspaceEvent event) {
        MeetNames.Session session = MeetNames.session(
                PayloadFields.requiredText(event.data(), "/participantSession/name"));
        return ReadModelChanges.of(delivery)
                .meeting(new MeetingRow(session.conference(), MeetNames.space(event.source()), null, null,
                        event.time()))
                .participantSession(new ParticipantSessionRow(session.name(), session.participant(),
                        session.conference(), joined ? event.time() : null, joined ? null : event.time()))
                .folded();
    }
}
