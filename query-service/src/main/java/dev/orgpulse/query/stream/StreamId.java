package dev.orgpulse.query.stream;

import java.util.Optional;

/**
 * The id of a stream event, which a reconnecting client sends back as {@code Last-Event-ID}: the read-model version
 * the stream served and how far through that version's feed the client has been given items,
 * {@code <version>:<positions>} ({@code v1:0.1813.0,4.96.2}, see {@link FeedPositions#format()}). Positions are the
 * log's, so a client can resume on any query node.
 */
public record StreamId(String version, FeedPositions positions) {

    public String format() {
        return version + ":" + positions.format();
    }

    /** The id a client sent, or nothing worth resuming from (none, or not one of ours: it starts afresh). */
    public static Optional<StreamId> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String trimmed = id.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String version = trimmed.substring(0, colon);
        return FeedPositions.parse(trimmed.substring(colon + 1)).map(positions -> new StreamId(version, positions));
    }
}
