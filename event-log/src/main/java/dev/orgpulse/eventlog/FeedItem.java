package dev.orgpulse.eventlog;

/**
 * One line of the activity feed, in the codewall shape plus the feed's own id.
 *
 * @param id   position in the feed; increases with every item written
 * @param ts   when it happened, epoch seconds
 * @param kind what happened ({@code commit}, {@code opened}, {@code merged}, ...)
 * @param dev  the person's login
 * @param repo {@code owner/name}
 */
public record FeedItem(long id, long ts, String kind, String dev, String repo, String message) {
}
