package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.Map;

/**
 * The latest lifecycle event of a Google Workspace Events subscription (the subscription that makes Meet's events
 * reach the push endpoint): what operators need to renew it before it expires, or to fix and reactivate it.
 *
 * @param subscription     {@code subscriptions/<id>}: the natural key
 * @param eventType        the CloudEvents type, e.g. {@code google.workspace.events.subscription.v1.expirationReminder}
 * @param eventAt          the event's {@code ce-time}
 * @param expireTime       when the subscription expires, when the event tells
 * @param state            the subscription's state ({@code ACTIVE}, {@code SUSPENDED}, ...), when the event tells
 * @param suspensionReason why it was suspended ({@code ENDPOINT_PERMISSION_DENIED}, ...), when it was
 */
public record SubscriptionEventRow(String subscription, String eventType, Instant eventAt, Instant expireTime,
        String state, String suspensionReason) {

    static final String PREFIX = "google.workspace.events.subscription.v1.";
    static final String EXPIRATION_REMINDER = PREFIX + "expirationReminder";
    static final String SUSPENDED = PREFIX + "suspended";
    static final String EXPIRED = PREFIX + "expired";

    /** Of two events at the same time the graver one wins: expired over suspended over a reminder. */
    private static final Map<String, Integer> GRAVITY = Map.of(EXPIRATION_REMINDER, 1, SUSPENDED, 2, EXPIRED, 3);

    /** The later event wins; the stored row is the subscription's latest news whatever order they were folded in. */
    public String revision() {
        return Revision.byTime(eventAt, GRAVITY.getOrDefault(eventType, 0), this);
    }

    /** What an operator should do about it, for the projector's log. */
    public String advice() {
        return switch (eventType) {
            case EXPIRATION_REMINDER -> "renew it (subscriptions.patch of its expireTime) before "
                    + (expireTime == null ? "it expires" : expireTime) + " or Meet events stop";
            case SUSPENDED -> "fix the cause" + (suspensionReason == null ? "" : " (" + suspensionReason + ")")
                    + " and reactivate it (subscriptions.reactivate): Meet events stop meanwhile";
            case EXPIRED -> "it is deleted: create a new subscription, Meet events have stopped";
            default -> "see the Workspace Events documentation";
        };
    }
}
