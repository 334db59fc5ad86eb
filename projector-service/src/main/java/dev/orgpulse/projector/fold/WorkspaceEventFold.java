package dev.orgpulse.projector.fold;

import dev.orgpulse.eventlog.DeliveryMetadata;

/** Folds one type of Google Workspace event, decoded from its push envelope. */
interface WorkspaceEventFold {

    /**
     * @return {@link RecordOutcome.Folded} or {@link RecordOutcome.Ignored}
     * @throws dev.orgpulse.eventlog.MalformedRecordException when the event lacks what its type must carry
     */
    RecordOutcome fold(DeliveryMetadata delivery, WorkspaceEvent event);
}
