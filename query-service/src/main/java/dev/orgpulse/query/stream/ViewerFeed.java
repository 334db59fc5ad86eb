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
 * within its partition, and every event's id says where the client then stands. A change is taken at once from what
 * it carries ({@link #take}) unless the client stands before one of its ranges; what lies in between is read from the
 * database first ({@link #catchUp}). Not thread-safe: its stream uses it one message at a time.
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
     * Whether a range of the change starts past the client's position (this node pushed its start before the client
     * listened, or had not started then): what lies in between must be read before the change is taken.
     */
    boolean isBehind(FeedChange change) {
        return change.segments().stream().anyMatch(segment -> sent.next(segment.range().partition())
                .isBefore(segment.range().from()));
    }

    /** The items between the client's positions and the starts of the change's ranges, read from the database. */
    Multi<StreamMessage> catchUp(FeedChange change) {
        List<Multi<StreamMessage>> gaps = new ArrayList<>();
        for (FeedChange.Segment segment : change.segments()) {
            int partition = segment.range().partition();
            gaps.add(Multi.createFrom().deferred(() -> !sent.next(partition).isBefore(segment.range().from())
                    ? Multi.createFrom().empty()
                    : pages(() -> feed.within(List.of(new FeedRange(partition, sent.next(partition),
                            segment.range().from())), OptionalInt.of(pageSize)))));
        }
        return Multi.createBy().concatenating().streams(gaps);
    }

    /**
     * A change's items the client has not been sent (after the reset of a version switch), then the stats; the
     * client must not be {@linkplain #isBehind behind} it.
     */
    List<StreamMessage> take(FeedChange change) {
        List<StreamMessage> taken = new ArrayList<>();
        if (change.resetTo() != null) {
            taken.add(messages.reset(change.resetTo()));
        }
        for (FeedChange.Segment segment : change.segments()) {
            for (FeedChange.PushedItem item : segment.items()) {
                if (sent.isAhead(item.at())) {
                    sent = sent.after(item.at());
                    taken.add(messages.activity(item.data(), id()));
                }
            }
            sent = sent.through(segment.range().partition(), segment.range().to());
        }
        taken.add(messages.stats(change.statsData(), id()));
        return taken;
    }

    /** Where the client stands: its next event's id is of this version and past these positions. */
    StreamId at() {
        return new StreamId(version, sent);
    }

    /**
     * Moves the client to where another client standing {@linkplain #at() at the same place} got by taking the same
     * change: the same messages were written to both.
     */
    void tookAs(FeedPositions reached) {
        sent = reached;
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

    private String id() {
        return at().format();
    }
}
