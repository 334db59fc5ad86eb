package dev.orgpulse.projector.readmodel;

/** A record the batch kept as a dead letter, for the log line that reports it. */
public record DeadLetterNote(String position, String deliveryId, String eventType, String reason) {
}
