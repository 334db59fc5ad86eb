package dev.orgpulse.query.readmodel;

import dev.orgpulse.eventlog.FeedItem;

/** A feed item with the place in the log it came from, which is where a stream client resumes after it. */
public record FeedItemAt(FeedItem item, int partition, FeedPosition position) {
}
