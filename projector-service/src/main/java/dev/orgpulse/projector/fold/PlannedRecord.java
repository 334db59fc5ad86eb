package dev.orgpulse.projector.fold;

/** A log record with the outcome the pure fold decided for it. */
public record PlannedRecord(LogRecord record, RecordOutcome outcome) {

    /** The same record, to be kept as a dead letter instead (its writes failed in the database). */
    public PlannedRecord asDeadLetter(String reason) {
        return new PlannedRecord(record, new RecordOutcome.DeadLetter(outcome.deliveryId(), outcome.eventType(), reason));
    }
}
