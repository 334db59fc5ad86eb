package dev.orgpulse.projector.fold;

import dev.orgpulse.eventlog.DeliveryMetadata;

/** What folding one log record amounts to, decided without touching the database. */
public sealed interface RecordOutcome {

    /** The delivery id, when the headers gave one. */
    String deliveryId();

    String eventType();

    /** An outcome of a record whose contract headers were readable. */
    sealed interface OfDelivery extends RecordOutcome {

        DeliveryMetadata delivery();

        @Override
        default String deliveryId() {
            return delivery().deliveryId();
        }

        @Override
        default String eventType() {
            return delivery().eventType();
        }
    }

    /** The delivery changes read models (written only if its delivery id was not folded before). */
    record Folded(DeliveryMetadata delivery, ReadModelChanges changes) implements OfDelivery {
    }

    /** A readable delivery the read models have no use for (yet): remembered as processed, nothing else. */
    record Ignored(DeliveryMetadata delivery, String reason) implements OfDelivery {
    }

    /** The same delivery id appeared earlier in the same batch. */
    record Duplicate(DeliveryMetadata delivery) implements OfDelivery {
    }

    /** The record cannot be folded; it is kept as a dead letter and the fold moves on. */
    record DeadLetter(String deliveryId, String eventType, String reason) implements RecordOutcome {
    }
}
