package dev.orgpulse.query.stream;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

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
    private final AtomicReference<FeedPositions> pushed = new AtomicReference<>();

    public PushedFeed(FeedReadModel feed) {
        this.feed = feed;
    }

    void startWhereTheFeedEnds(@Observes StartupEvent started) {
        known().subscribe().with(positions -> LOG.debugf("stream pushes the feed from %s", positions),
                failure -> LOG.warnf("where the feed ends is not known yet (%s); the first change notice asks again",
                        failure.getMessage()));
    }

    /**
     * The items a notice brings, as segments; this node has pushed them once the caller publishes them. Called by the
     * one notice consumer, one notice at a time.
     *
     * @param reached the notice's positions: next offset per partition of the log
     */
    Uni<List<FeedChange.Segment>> segmentsTo(Map<Integer, Long> reached) {
        return known().chain(from -> {
            List<FeedRange> ranges = from.rangesTo(reached);
            if (ranges.isEmpty()) {
                return Uni.createFrom().item(List.<FeedChange.Segment>of());
            }
            return feed.within(ranges, OptionalInt.empty())
                    .map(items -> FeedChange.segments(ranges, items))
                    .invoke(() -> pushed.set(from.through(ranges)));
        });
    }

    private Uni<FeedPositions> known() {
        FeedPositions now = pushed.get();
        if (now != null) {
            return Uni.createFrom().item(now);
        }
        return feed.end().map(FeedPositions::of).map(end -> pushed.compareAndSet(null, end) ? end : pushed.get());
    }
}
