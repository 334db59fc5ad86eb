package dev.orgpulse.query.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.orgpulse.query.readmodel.FeedItemAt;
import dev.orgpulse.query.readmodel.FeedRange;

/**
 * What one change notice brings every stream client: the feed items of the ranges the notice moved the log past (each
 * range with all of its items, so a client that had reached its start has them all), then fresh stats; and how far
 * the node has pushed the feed with it. Every event's data is written once here, not once per client: with
 * thousands of clients, encoding the same item for each was most of a notice's cost.
 *
 * @param statsData the fresh stats, as the JSON data of a {@code stats} event
 * @param resetTo the read-model version the read models switched to, when they did: clients are told to read
 *                everything again ({@code event: reset}) before the fresh stats; {@code null} otherwise
 */
record FeedChange(List<Segment> segments, String statsData, FeedPositions reached, String resetTo) {

    /** The read models switched to {@code version}: no items, a reset, the new version's stats. */
    static FeedChange reset(String version, String statsData, FeedPositions reached) {
        return new FeedChange(List.of(), statsData, reached, version);
    }

    /** One partition's range and its items (those of the window the stream shows), in position order. */
    record Segment(FeedRange range, List<PushedItem> items) {
    }

    /** A feed item and the JSON data of its {@code activity} event. */
    record PushedItem(FeedItemAt at, String data) {
    }

    /** The items read for the ranges, each encoded once, sorted into them; every range gets a segment, empty or not. */
    static List<Segment> segments(List<FeedRange> ranges, List<FeedItemAt> items, Function<FeedItemAt, String> encode) {
        List<Segment> segments = new ArrayList<>(ranges.size());
        for (FeedRange range : ranges) {
            segments.add(new Segment(range, items.stream().filter(item -> item.partition() == range.partition()
                    && !item.position().isBefore(range.from()) && item.position().isBefore(range.to()))
                    .map(item -> new PushedItem(item, encode.apply(item))).toList()));
        }
        return segments;
    }

    int itemCount() {
        return segments.stream().mapToInt(segment -> segment.items().size()).sum();
    }
}
