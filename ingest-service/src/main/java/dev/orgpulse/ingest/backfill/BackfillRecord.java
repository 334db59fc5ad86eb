package dev.orgpulse.ingest.backfill;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.GitHubPayloads;

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
}
