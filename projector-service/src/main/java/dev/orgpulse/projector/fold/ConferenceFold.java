package dev.orgpulse.projector.fold;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * A Meet conference {@code started} or {@code ended} (data {@code {"conferenceRecord": {"name"}}}): the meeting's
 * start or end, at the event's time, merged into its row by the conference record's name.
 */
final class ConferenceFold implements WorkspaceEventFold {

    static final String STARTED = "google.workspace.meet.conference.v2.started";
    static final String ENDED = "google.workspace.meet.conference.v2.ended";

    private final boolean started;

    private ConferenceFold(boolean started) {
        this.started = started;
    }

    static ConferenceFold started() {
        return new ConferenceFold(true);
    }

    static ConferenceFold ended() {
        return new ConferenceFold(false);
    }

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, WorkspaceEvent event) {
        String conference = MeetNames.conference(PayloadFields.requiredText(event.data(), "/conferenceRecord/name"));
        return ReadModelChanges.of(delivery).meeting(new MeetingRow(conference, MeetNames.space(event.source()),
                started ? event.time() : null, started ? null : event.time(), event.time())).folded();
    }
}
