package dev.orgpulse.projector.fold;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * A lifecycle event of the Workspace Events subscription itself ({@code expirationReminder}, {@code suspended},
 * {@code expired}; data {@code {"subscription": {"name", "expireTime", "state", "suspensionReason", ...}}}): kept as
 * the subscription's latest news for the admin status.
 */
final class SubscriptionLifecycleFold implements WorkspaceEventFold {

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, WorkspaceEvent event) {
        JsonNode subscription = event.data().path("subscription");
        String name = PayloadFields.firstPresent(PayloadFields.text(subscription, "name"), event.subject(),
                event.source());
        return ReadModelChanges.of(delivery).subscriptionEvent(new SubscriptionEventRow(name, event.type(),
                event.time(),
                PayloadFields.firstPresent(PayloadFields.instant(subscription, "/expireTime"),
                        PayloadFields.instant(subscription, "/expire_time")),
                PayloadFields.text(subscription, "state"),
                PayloadFields.firstPresent(PayloadFields.text(subscription, "suspensionReason"),
                        PayloadFields.text(subscription, "suspension_reason"))))
                .folded();
    }
}
