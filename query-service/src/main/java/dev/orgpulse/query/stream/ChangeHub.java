package dev.orgpulse.query.stream;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Fans what each change notice brings out to every connected stream client, and knows how far through the feed this
 * node has pushed: a client that listens from some moment on gets every item past where the stream stood then.
 */
@ApplicationScoped
public class ChangeHub {

    private final BroadcastProcessor<FeedChange> broadcast = BroadcastProcessor.create();
    private final AtomicInteger listeners = new AtomicInteger();
    /** How far the changes published so far reach; null until the node knows where the feed ended at its start. */
    private FeedPositions pushed;

    public ChangeHub(MeterRegistry metrics) {
        Gauge.builder("orgpulse.stream.clients", listeners, AtomicInteger::get)
                .description("viewers connected to /api/stream")
                .register(metrics);
    }

    /** Called by the one notice consumer, one notice at a time. */
    synchronized void publish(FeedChange change) {
        pushed = change.reached();
        broadcast.onNext(change);
    }

    /** Where pushing starts when this node has pushed nothing yet; the first one to know wins. */
    synchronized FeedPositions startAt(FeedPositions feedEnd) {
        if (pushed == null) {
            pushed = feedEnd;
        }
        return pushed;
    }

    /** How far this node has pushed the feed, when it knows. */
    synchronized Optional<FeedPositions> pushed() {
        return Optional.ofNullable(pushed);
    }

    /**
     * Hands every change published from now on to {@code listener} (who must take everything), and says how far the
     * changes published before reach: nothing can be published in between.
     */
    synchronized Listening listen(UnicastProcessor<FeedChange> listener) {
        Cancellable subscription = broadcast
                .onSubscription().invoke(listeners::incrementAndGet)
                .onTermination().invoke(listeners::decrementAndGet)
                .subscribe().with(listener::onNext, listener::onError, listener::onComplete);
        return new Listening(subscription, Optional.ofNullable(pushed));
    }

    /** A listener's subscription, and how far the stream had been pushed when it began (unknown at a node's start). */
    record Listening(Cancellable subscription, Optional<FeedPositions> from) {
    }

    /** How many stream clients are listening now. */
    public int listeners() {
        return listeners.get();
    }
}
