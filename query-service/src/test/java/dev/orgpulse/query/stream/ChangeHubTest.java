package dev.orgpulse.query.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.orgpulse.query.readmodel.FeedPosition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

class ChangeHubTest {

    private final Vertx vertx = Vertx.vertx();
    private final ChangeHub hub = new ChangeHub(new SimpleMeterRegistry());

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void aListenerGetsEveryChangePublishedAfterItBeganOnItsOwnLoopAndKnowsWhereTheStreamStood() throws Exception {
        Context loop = vertx.getOrCreateContext();
        hub.startAt(positions(10));
        hub.publish(change(11));
        Recorder first = new Recorder();
        assertEquals(Optional.of(positions(11)), hub.listen(first, loop));

        hub.publish(change(12));
        Recorder second = new Recorder();
        assertEquals(Optional.of(positions(12)), hub.listen(second, loop));
        hub.publish(change(13));

        assertEquals(List.of(positions(12), positions(13)), first.reachedOnceItHas(2));
        assertEquals(List.of(positions(13)), second.reachedOnceItHas(1));
        assertTrue(first.onItsLoop && second.onItsLoop, "delivered on the listener's event loop");
        assertEquals(2, hub.listeners());
    }

    @Test
    void theClientsOfOneLoopShareOneDeliveryAndAStoppedOneGetsNothingMore() throws Exception {
        Context loop = vertx.getOrCreateContext();
        Context other = vertx.getOrCreateContext();
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        Recorder elsewhere = new Recorder();
        hub.listen(a, loop);
        hub.listen(b, loop);
        hub.listen(elsewhere, other);

        hub.publish(change(1));
        a.reachedOnceItHas(1);
        b.reachedOnceItHas(1);
        elsewhere.reachedOnceItHas(1);
        assertSame(a.deliveries.get(0), b.deliveries.get(0));

        hub.stop(a, loop);
        hub.publish(change(2));
        assertEquals(2, b.reachedOnceItHas(2).size());
        assertEquals(1, a.reached.size());
        assertEquals(2, hub.listeners());
    }

    @Test
    void heartbeatsReachEveryListener() throws Exception {
        Recorder a = new Recorder();
        hub.listen(a, vertx.getOrCreateContext());
        hub.heartbeat();
        a.heartbeat.get(10, TimeUnit.SECONDS);
    }

    private static FeedPositions positions(long offset) {
        return FeedPositions.of(Map.of(0, FeedPosition.atRecord(offset)));
    }

    private static FeedChange change(long reached) {
        return new FeedChange(List.of(), "{}", positions(reached), null);
    }

    private static final class Recorder implements ChangeHub.Listener {
        final List<FeedPositions> reached = new CopyOnWriteArrayList<>();
        final List<ChangeHub.Delivery> deliveries = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> heartbeat = new CompletableFuture<>();
        volatile boolean onItsLoop = true;

        @Override
        public void take(FeedChange change, ChangeHub.Delivery delivery) {
            onItsLoop &= Context.isOnEventLoopThread();
            deliveries.add(delivery);
            reached.add(change.reached());
        }

        @Override
        public void heartbeat() {
            heartbeat.complete(null);
        }

        List<FeedPositions> reachedOnceItHas(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (reached.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            return List.copyOf(reached);
        }
    }
}
