package dev.orgpulse.projector.deadletter;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A record of the log the fold could not take, where it is on the log and why. */
public record DeadLetter(
        long id,
        String topic,
        int partition,
        long offset,
        @JsonProperty("event_type") String eventType,
        @JsonProperty("delivery_id") String deliveryId,
        String reason,
        @JsonProperty("recorded_at") Instant recordedAt) {
}
