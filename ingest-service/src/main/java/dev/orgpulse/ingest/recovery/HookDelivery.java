package dev.orgpulse.ingest.recovery;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One attempt GitHub made to deliver an event to the organisation hook, as {@code GET /orgs/{org}/hooks/{hook_id}/deliveries}
 * lists it: every attempt (a redelivery included) has its own {@code id}; all attempts of one event share its
 * {@code guid}, the {@code X-GitHub-Delivery} the log keeps.
 */
record HookDelivery(long id, String guid, Instant deliveredAt, int statusCode, String event) {

    static HookDelivery of(JsonNode delivery) {
        return new HookDelivery(delivery.path("id").asLong(), delivery.path("guid").asText(),
                Instant.parse(delivery.path("delivered_at").asText()), delivery.path("status_code").asInt(),
                delivery.path("event").asText());
    }

    boolean succeeded() {
        return statusCode >= 200 && statusCode < 300;
    }
}
