package dev.orgpulse.projector.fold;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;

/** Folds the payload of one GitHub event type. */
interface GitHubEventFold {

    /**
     * @return {@link RecordOutcome.Folded} or {@link RecordOutcome.Ignored}
     * @throws dev.orgpulse.eventlog.MalformedRecordException when the payload lacks what the event must carry
     */
    RecordOutcome fold(DeliveryMetadata delivery, JsonNode payload);
}
