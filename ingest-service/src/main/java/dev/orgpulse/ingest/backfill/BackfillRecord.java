package dev.orgpulse.ingest.backfill;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.GitHubPayloads;
import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.ingest.delivery.LogIntake;
import io.smallrye.mutiny.Uni;

/**
 * One fact learned from GitHub's API, shaped as the webhook payload of {@code eventType} would carry it, so the
 * projector folds it with the same fold and natural keys as the webhook and the two count once.
 *
 * @param deliveryId deterministic: the same fact learned twice (a resumed backfill) has the same id
 */
public record BackfillRecord(String eventType, String deliveryId, ObjectNode payload) {

    /** The record key a webhook about the same repository gets, so both stay in order in one partition. */
    public String key() {
        return GitHubPayloads.recordKey(payload);
    }

    /**
     * Appends it as source {@code github-backfill} and waits for the broker's acknowledgement.
     *
     * @param key the record key: {@link #key()}, or the key of the record it completes
     * @throws dev.orgpulse.ingest.delivery.DeliveryRejectedException when the log did not take it
     */
    public void appendTo(LogIntake log, String key, Duration timeout) {
        byte[] body;
        try {
            body = LogJson.MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a backfill record not writable as JSON: " + deliveryId, e);
        }
        Uni.createFrom().completionStage(log.append(key, body, DeliveryMetadata.accepted(Sources.GITHUB_BACKFILL,
                eventType, deliveryId, Instant.now(), "application/json", "github-api"))).await().atMost(timeout);
    }
}
