package dev.orgpulse.query.stream;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** Fans what each change notice brings out to every connected stream client. */
@ApplicationScoped
public class ChangeHub {

    private final BroadcastProcessor<FeedChange> broadcast = BroadcastProcessor.create();
    private final AtomicInteger listeners = new AtomicInteger();

    public ChangeHub(MeterRegistry metrics) {
        Gauge.builder("orgpulse.stream.clients", listeners, AtomicInteger::get)
                .description("viewers connected to /api/stream")
                .register(metrics);
    }

    /** Called by the one notice consumer, one notice at a time. */
    void publish(FeedChange change) {
        broadcast.onNext(change);
    }

    /** Hot: a subscriber sees what is published after it subscribed, and must take everything (unbounded request). */
    Multi<FeedChange> live() {
        return broadcast
                .onSubscription().invoke(listeners::incrementAndGet)
                .onTermination().invoke(listeners::decrementAndGet);
    }

    /** How many stream clients are listening now. */
    public int listeners() {
        return listeners.get();
    }
}
