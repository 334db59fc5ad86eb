package dev.orgpulse.query.api;

import dev.orgpulse.eventlog.FeedItem;

/** One feed line of {@code GET /api/events/recent} and of the stream's {@code activity} events (codewall shape). */
public record RecentEvent(long ts, String kind, String dev, String repo, String message) {

    public static RecentEvent of(FeedItem item) {
        return new RecentEvent(item.ts(), item.kind(), item.dev(), item.repo(), item.message());
    }
}
