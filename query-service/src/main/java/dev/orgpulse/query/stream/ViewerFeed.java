package dev.orgpulse.query.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;

import dev.orgpulse.query.readmodel.FeedItemAt;
import dev.orgpulse.query.readmodel.FeedRange;
import dev.orgpulse.query.readmodel.FeedReadModel;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One stream client's place in the feed, and the messages that move it: each item is sent once, in position order
 * within its partition, and every event's id says where the client then stands. Not thread-safe: its stream uses it
 * one message at a time.
 */
final class ViewerFeed {

    private final FeedReadModel feed;
    private final StreamMessages messages;
    private final int pageSize;
    private final String version;
    private final boolean resuming;
    private FeedPositions sent;

    /** @param resuming whether the client resumes from positions of its own, and may have missed items */
    ViewerFeed(FeedReadModel feed, StreamMessages messages, int pageSize, String version, FeedPositions sent,
            boolean resuming) {
        this.feed = feed;
        this.messages = messages;
        this.pageSize = pageSize;
        this.version = version;
        this.sent = sent;
        this.resuming = resuming;
    }

    /** For a resuming client, every item past its positions, a page at a time, until none is left. */
    Multi<StreamMessage> missed() {
        return resuming ? pages(() -> feed.after(sent.asMap(), pageSize)) : Multi.createFrom().empty();
    }

    /**
     * A notice's items the client has not been sent (or the reset of a version switch), then the stats. A range that starts past the client's position
     * (this node pushed its start before the client listened, or had not started then) is preceded by what lies in
     * between, read from the database.
     */
    Multi<StreamMessage> take(FeedChange change) {
        List<Multi<StreamMessage>> parts = new ArrayList<>();
        if (change.resetTo() != null) {
            parts.add(Multi.createFrom().item(messages.reset(change.resetTo())));
        }
        change.segments().forEach(segment -> parts.add(Multi.createFrom().deferred(() -> take(segment))));
        parts.add(Multi.createFrom().deferred(() -> Multi.createFrom().item(messages.stats(change.statsData(), id()))));
        return Multi.createBy().concatenating().streams(parts);
    }

    private Multi<StreamMessage> take(FeedChange.Segment segment) {
        FeedRange range = segment.range();
        int partition = range.partition();
        if (!sent.next(partition).isBefore(range.to())) {
            return Multi.createFrom().empty();
        }
        Multi<StreamMessage> before = Multi.createFrom().empty();
        if (sent.next(partition).isBefore(range.from())) {
            before = pages(() -> feed.within(List.of(new FeedRange(partition, sent.next(partition), range.from())),
                    OptionalInt.of(pageSize)));
        }
        Multi<StreamMessage> items = Multi.createFrom().deferred(() -> {
            List<StreamMessage> unsent = segment.items().stream().filter(item -> sent.isAhead(item.at()))
                    .map(this::send).toList();
            sent = sent.through(partition, range.to());
            return Multi.createFrom().iterable(unsent);
        });
        return Multi.createBy().concatenating().streams(before, items);
    }

    /** Reads and sends a page, and the next while a page comes back full. */
    private Multi<StreamMessage> pages(Supplier<Uni<List<FeedItemAt>>> read) {
        return read.get().onItem().transformToMulti(page -> {
            Multi<StreamMessage> sending = Multi.createFrom().iterable(page).map(this::send);
            return page.size() < pageSize ? sending
                    : Multi.createBy().concatenating().streams(sending, Multi.createFrom().deferred(() -> pages(read)));
        });
    }

    private StreamMessage send(FeedItemAt item) {
        sent = sent.after(item);
        return messages.activity(item.item(), id());
    }

    private StreamMessage send(FeedChange.PushedItem item) {
        sent = sent.after(item.at());
        return messages.activity(item.data(), id());
    }

    private String id() {
        return new StreamId(version, sent).format();
    }
}
