package dev.orgpulse.query.stream;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.impl.ContextInternal;

/**
 * Fans what each change notice brings out to every connected stream client, and knows how far through the feed this
 * node has pushed: a client that listens from some moment on gets every change published from then on, and knows
 * where the stream stood when it began.
 * <p>
 * Clients are kept by the event loop of their connection, and a change is handed to each loop once: the loop then
 * gives it to its clients one after the other, on the thread that writes to their connections. Clients standing at
 * the same place share what is written for them ({@link Delivery}). Adding or removing a client costs the same
 * however many there are (a subscriber list copied on every subscribe made connecting n clients O(n²)).
 */
@ApplicationScoped
public class ChangeHub {

    /** A stream client, called on the event loop it listens on, one call at a time. */
    interface Listener {

        /** A change published after the listener began listening; {@code delivery} is shared by its loop's clients. */
        void take(FeedChange change, Delivery delivery);

        /** Time to show a quiet stream is alive. */
        void heartbeat();
    }

    /**
     * What one loop's clients share while they take one change: what was written for a client standing at some place,
     * so that another standing at the same place writes the same bytes without building them again.
     */
    static final class Delivery {

        /** The bytes written for a client at a place, and where it stood once it had them. */
        record Written(Buffer bytes, FeedPositions reached) {
        }

        private final Map<StreamId, Written> byPlace = new HashMap<>();

        Optional<Written> writtenFor(StreamId place) {
            return Optional.ofNullable(byPlace.get(place));
        }

        void wrote(StreamId place, Buffer bytes, FeedPositions reached) {
            byPlace.put(place, new Written(bytes, reached));
        }
    }

    /** The clients of one event loop; only the hub adds and removes them, only the loop reads them. */
    private record Loop(Context context, Map<Listener, Long> listeners) {
    }

    private final Map<Context, Loop> loops = new ConcurrentHashMap<>();
    private final AtomicInteger listeners = new AtomicInteger();
    /** How far the changes published so far reach; null until the node knows where the feed ended at its start. */
    private FeedPositions pushed;
    /** How many changes have been published: a listener takes those published after the count when it began. */
    private long published;

    public ChangeHub(MeterRegistry metrics) {
        Gauge.builder("orgpulse.stream.clients", listeners, AtomicInteger::get)
                .description("viewers connected to /api/stream")
                .register(metrics);
    }

    /** Called by the one notice consumer, one notice at a time. */
    synchronized void publish(FeedChange change) {
        pushed = change.reached();
        long sequence = ++published;
        for (Loop loop : loops.values()) {
            loop.context().runOnContext(ignored -> {
                Delivery delivery = new Delivery();
                loop.listeners().forEach((listener, since) -> {
                    if (since < sequence) {
                        listener.take(change, delivery);
                    }
                });
            });
        }
    }

    /** Tells every client, on its loop, that it is time for a heartbeat. */
    void heartbeat() {
        for (Loop loop : loops.values()) {
            loop.context().runOnContext(ignored -> loop.listeners().keySet().forEach(Listener::heartbeat));
        }
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
     * Hands every change published from now on to {@code listener}, on the event loop of {@code context}, and says
     * how far the changes published before reach: nothing can be published in between.
     */
    synchronized Optional<FeedPositions> listen(Listener listener, Context context) {
        Context eventLoop = ((ContextInternal) context).unwrap();
        loops.computeIfAbsent(eventLoop, loop -> new Loop(loop, new ConcurrentHashMap<>()))
                .listeners().put(listener, published);
        listeners.incrementAndGet();
        return Optional.ofNullable(pushed);
    }

    /** Stops handing changes to {@code listener}; a change already on its way to its loop may still reach it. */
    synchronized void stop(Listener listener, Context context) {
        Loop loop = loops.get(((ContextInternal) context).unwrap());
        if (loop != null && loop.listeners().remove(listener) != null) {
            listeners.decrementAndGet();
        }
    }

    /** How many stream clients are listening now. */
    public int listeners() {
        return listeners.get();
    }
}
