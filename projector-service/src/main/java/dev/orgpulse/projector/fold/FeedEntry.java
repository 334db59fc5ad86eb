package dev.orgpulse.projector.fold;

import java.time.Instant;

/**
 * One line of the activity feed to write.
 *
 * @param naturalKey what makes the same fact arriving twice one row ({@code commit:<sha>}, {@code pr-opened:<repo>#<n>}, ...)
 * @param dev        the login of who did it
 * @param bot        whether {@code dev} is a bot
 */
public record FeedEntry(String naturalKey, Instant occurredAt, FeedKind kind, String dev, String repo, String message,
        boolean bot) {
}
