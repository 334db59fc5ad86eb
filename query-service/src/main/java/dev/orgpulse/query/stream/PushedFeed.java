package dev.orgpulse.query.stream;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.orgpulse.query.api.Stats;
import dev.orgpulse.query.readmodel.FeedRange;
import dev.orgpulse.query.readmodel.FeedReadModel;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * How far this query node has pushed the feed to its stream clients. A change notice says how far the log's
 * partitions were folded; what lies between there and here is read from the database, so a notice that never came
 * (notices are hints) only delays its items to the next one. It starts where the feed ended when the node started.
 */
@ApplicationScoped
public class PushedFeed {

    private static final Logger LOG = Logger.getLogger(PushedFeed.class);

    private final FeedReadModel feed;
    private final ChangeHub hub;
    private final StreamMessages messages;

    public PushedFeed(FeedReadModel feed, ChangeHub hub, StreamMessages messages) {
        this.feed = feed;
        this.hub = hub;
        this.messages = messages;
    }

    void startWhereTheFeedEnds(@Observes StartupEvent started) {
        known().subscribe().with(positions -> LOG.debugf("stream pushes the feed from %s", positions),
                failure -> LOG.warnf("where the feed ends is not known yet (%s); the first change notice asks again",
                        failure.getMessage()));
    }

    /**
     * What a notice brings every stream client: the items up to its positions that this node has not pushed, and fresh
     * stats. Called by the one notice consumer, one notice at a time; pushed once published on the hub.
     *
     * @param reached the notice's positions: next offset per partition of the log
     */
    Uni<FeedChange> changeTo(Map<Integer, Long> reached, Uni<Stats> stats) {
        return known().chain(from -> {
            List<FeedRange> ranges = from.rangesTo(reached);
            Uni<List<FeedChange.Segment>> segments = ranges.isEmpty() ? Uni.createFrom().item(List.of())
                    : feed.within(ranges, OptionalInt.empty()).map(items -> FeedChange.segments(ranges, items,
                            item -> messages.activityData(item.item())));
            return segments.chain(read -> stats.map(totals -> new FeedChange(read, messages.statsData(totals),
                    from.through(ranges), null)));
        });
    }

    private Uni<FeedPositions> known() {
        return hub.pushed().map(pushed -> Uni.createFrom().item(pushed))
                .orElseGet(() -> feed.end().map(FeedPositions::of).map(hub::startAt));
    }
}
