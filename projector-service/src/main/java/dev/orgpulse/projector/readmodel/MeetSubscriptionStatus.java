package dev.orgpulse.projector.readmodel;

import java.time.Instant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A Workspace Events subscription's latest lifecycle event, for operators, who must renew it before it expires.
 *
 * @param lastEvent        the event's CloudEvents type ({@code google.workspace.events.subscription.v1.expirationReminder},
 *                         {@code ...suspended}, {@code ...expired})
 * @param at               when the event happened
 * @param expireTime       when the subscription expires, when the event told
 * @param state            the subscription's state, when the event told
 * @param suspensionReason why it is suspended, when it is
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MeetSubscriptionStatus(String subscription, String lastEvent, Instant at, Instant expireTime,
        String state, String suspensionReason) {
}
