package dev.orgpulse.query.stream;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.impl.HttpServerConnection;

/**
 * One viewer's open stream, written straight to its connection on the connection's event loop, where every method
 * runs. A change it can take from what the change carries is written at once, as one write of bytes shared with the
 * clients standing at the same place; while its start, a replay or a read of what it missed is under way, changes wait
 * in order, and are taken once it is done.
 */
final class ViewerStream implements ChangeHub.Listener {

    private static final Logger LOG = Logger.getLogger(ViewerStream.class);

    /** Changes held for a client while it replays; past this it is dropped and reconnects with its id. */
    static final int LIVE_BUFFER = 1024;
    /** Bytes not yet taken by a client that reads slowly; past this it is dropped and reconnects with its id. */
    static final int UNREAD_BYTES = 1 << 20;

    private static final Buffer CONNECTED = wire(List.of(StreamMessage.CONNECTED));
    private static final Buffer HEARTBEAT = wire(List.of(StreamMessage.HEARTBEAT));

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final Context context;
    private final ChangeHub hub;
    private final Deque<FeedChange> waiting = new ArrayDeque<>();
    /** Null until the client's place in the feed is known. */
    private ViewerFeed feed;
    /** Whether messages read from the database are being written: changes wait meanwhile. */
    private boolean busy = true;
    private Cancellable reading;
    private boolean closed;

    private ViewerStream(HttpServerRequest request, Context context, ChangeHub hub) {
        this.request = request;
        this.response = request.response();
        this.context = context;
        this.hub = hub;
    }

    /**
     * Listens before saying "connected" and before reading where the client stands: nothing published from here on
     * can fall in between, and what a change repeats of the replay is not sent twice.
     *
     * @param start where the client stands, from how far the hub had pushed the feed when it began listening
     */
    static void open(HttpServerRequest request, Context context, ChangeHub hub,
            Function<Optional<FeedPositions>, Uni<ViewerFeed>> start) {
        ViewerStream stream = new ViewerStream(request, context, hub);
        HttpServerResponse response = stream.response;
        Optional<FeedPositions> pushedWhenListening = hub.listen(stream, context);
        response.closeHandler(closed -> stream.close());
        response.setWriteQueueMaxSize(UNREAD_BYTES);
        response.setChunked(true).putHeader("Content-Type", "text/event-stream").write(CONNECTED);
        stream.reading = start.apply(pushedWhenListening).emitOn(stream::onLoop).subscribe().with(feed -> {
            stream.feed = feed;
            stream.write(feed.missed(), stream::resume);
        }, stream::fail);
    }

    @Override
    public void take(FeedChange change, ChangeHub.Delivery delivery) {
        if (closed) {
            return;
        }
        if (busy) {
            if (waiting.size() >= LIVE_BUFFER) {
                fellBehind();
            } else {
                waiting.add(change);
            }
            return;
        }
        if (response.writeQueueFull()) {
            fellBehind();
            return;
        }
        if (feed.isBehind(change)) {
            write(feed.catchUp(change), () -> {
                busy = false;
                take(change, new ChangeHub.Delivery());
                resume();
            });
            return;
        }
        StreamId place = feed.at();
        Optional<ChangeHub.Delivery.Written> shared = delivery.writtenFor(place);
        if (shared.isPresent()) {
            feed.tookAs(shared.get().reached());
            response.write(shared.get().bytes());
        } else {
            Buffer bytes = wire(feed.take(change));
            delivery.wrote(place, bytes, feed.at().positions());
            response.write(bytes);
        }
    }

    @Override
    public void heartbeat() {
        if (!closed && !response.writeQueueFull()) {
            response.write(HEARTBEAT);
        }
    }

    /**
     * Writes messages read from the database as they come, changes waiting meanwhile; then {@code then}. The next
     * message is taken once the client has read enough of what waits: one that stops reading holds about
     * {@code UNREAD_BYTES} of a replay (and what Mutiny hands on ahead), and the rest is not read from the database.
     */
    private void write(Multi<StreamMessage> messages, Runnable then) {
        busy = true;
        reading = messages.emitOn(this::onLoop).onItem().call(this::send).onItem().ignoreAsUni().subscribe().with(
                done -> {
                    if (!closed) {
                        then.run();
                    }
                }, this::fail);
    }

    /** Writes a message; done at once, or once the client has read enough of what waits. */
    private Uni<Void> send(StreamMessage message) {
        if (closed) {
            return Uni.createFrom().voidItem();
        }
        response.write(wire(List.of(message)));
        if (!response.writeQueueFull()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(drained -> response.drainHandler(ignored -> drained.complete(null)));
    }

    /** Takes the changes that waited, until one needs a read of its own. */
    private void resume() {
        busy = false;
        while (!busy && !closed && !waiting.isEmpty()) {
            take(waiting.poll(), new ChangeHub.Delivery());
        }
    }

    private void fellBehind() {
        LOG.info("stream client fell too far behind; closing its stream so it reconnects with Last-Event-ID");
        abort();
        close();
    }

    /**
     * Ends the stream at once, dropping what waits unread. Closing the response would first wait until the client had
     * read all of it, which one that stopped reading never does: its connection and bytes would be held for good.
     */
    private void abort() {
        if (request.version() != HttpVersion.HTTP_2
                && request.connection() instanceof HttpServerConnection connection) {
            Channel channel = connection.channel();
            // a reset, so that the kernel drops what it holds for the client too
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            // from the head of the pipeline: Vert.x's handler at its end turns a close into one after the queue is sent
            channel.pipeline().firstContext().close();
        } else {
            // HTTP/2: resets this stream alone, not the client's other requests on the connection
            response.reset();
        }
    }

    private void fail(Throwable failure) {
        LOG.warnf("stream closed, the client reconnects with Last-Event-ID: %s", failure.toString());
        response.close();
        close();
    }

    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        waiting.clear();
        hub.stop(this, context);
        if (reading != null) {
            reading.cancel();
        }
    }

    private void onLoop(Runnable task) {
        context.runOnContext(ignored -> task.run());
    }

    private static Buffer wire(List<StreamMessage> messages) {
        return Buffer.buffer(StreamMessage.wire(messages));
    }
}
