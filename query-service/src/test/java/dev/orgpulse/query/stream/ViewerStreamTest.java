package dev.orgpulse.query.stream;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgpulse.eventlog.FeedItem;
import dev.orgpulse.query.readmodel.FeedItemAt;
import dev.orgpulse.query.readmodel.FeedPosition;
import dev.orgpulse.query.readmodel.FeedRange;
import dev.orgpulse.query.readmodel.FeedReadModel;
import dev.orgpulse.query.support.SseReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.StreamResetException;

/**
 * The limits that drop a stream client which falls behind, so that it reconnects with its {@code Last-Event-ID}
 * instead of making the server hold what it does not take: streams served by a real Vert.x server, changes published
 * through a real {@link ChangeHub}, clients that read as a browser does next to raw sockets that never read. Small
 * socket buffers on both ends make the unread bytes pile up in the server's write queue at once.
 */
class ViewerStreamTest {

    private static final StreamMessages MESSAGES = new StreamMessages(new ObjectMapper());
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int SMALL_SOCKET_BUFFER = 4096;
    /** The data of each item published to fill the queue of a client that does not read. */
    private static final String ITEM_DATA = "x".repeat(64 * 1024);
    /** What one change with such an item puts on the wire: its events, and the chunk they are written as. */
    private static final int CHANGE_BYTES = wireBytes(change(1, ITEM_DATA));

    private final Vertx vertx = Vertx.vertx();
    private final ChangeHub hub = new ChangeHub(new SimpleMeterRegistry());
    /** How the start of a stream goes, by the path its client asks for. */
    private final Map<String, Uni<ViewerFeed>> starts = new ConcurrentHashMap<>();
    /** Connections the server has closed: not merely asked to close, gone with what they held. */
    private final AtomicInteger closedConnections = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void serve() throws Exception {
        starts.put("/live", Uni.createFrom().item(ViewerStreamTest::fromTheStart));
        // one server started outside a verticle: every connection is on the same event loop, so a change has reached
        // every client once a client that reads has it
        server = vertx.createHttpServer(new HttpServerOptions().setSendBufferSize(SMALL_SOCKET_BUFFER))
                .connectionHandler(connection -> connection.closeHandler(closed -> closedConnections.incrementAndGet()))
                .requestHandler(request -> ViewerStream.open(request, Vertx.currentContext(), hub,
                        pushedWhenListening -> starts.get(request.path())))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aClientThatStopsReadingIsClosedOnceAMegabyteWaitsUnreadWhileOneThatReadsGetsEveryChange() throws Exception {
        try (Socket stalled = notReading("/live"); SseReader reading = SseReader.open(uri("/live"), Map.of())) {
            reading.awaitComment("connected", PATIENCE);
            awaitListeners(2);

            // each change is published once the reading client has the one before: it keeps up, the other does not
            int mostChanges = 3 * ViewerStream.UNREAD_BYTES / ITEM_DATA.length();
            int published = 0;
            while (hub.listeners() == 2 && published < mostChanges) {
                publishAndAwait(++published, ITEM_DATA, reading);
            }
            assertEquals(1, hub.listeners(), "the client that does not read is still served after " + published
                    + " changes");
            // the test sees it go when the change that found the queue full, or the one after, was published
            long publishedBytes = published * CHANGE_BYTES;
            assertTrue(publishedBytes > ViewerStream.UNREAD_BYTES, "closed after " + publishedBytes + " bytes");
            assertTrue(publishedBytes < ViewerStream.UNREAD_BYTES + 4 * CHANGE_BYTES,
                    "closed after " + publishedBytes + " bytes, well past the limit");
            // gone with what it held although the client still reads nothing
            awaitClosedConnections(1);
            assertStreamEnded(stalled);

            for (int more = 0; more < 3; more++) {
                publishAndAwait(++published, ITEM_DATA, reading);
            }
            assertEquals(1, hub.listeners());
            assertEquals(1, closedConnections.get());
            System.out.printf("slow stream client: closed once %d changes of %d bytes (%d bytes) had been published to"
                    + " it, limit %d unread; the reading client got all %d changes%n", published - 3, CHANGE_BYTES,
                    publishedBytes, ViewerStream.UNREAD_BYTES, published);
        }
    }

    @Test
    void aClientIsClosedWhenMoreChangesThanItsBufferArriveBeforeItsStartIsDoneAndOneWithinItTakesThemAll()
            throws Exception {
        starts.put("/stuck", Uni.createFrom().nothing());
        CompletableFuture<ViewerFeed> lateStart = new CompletableFuture<>();
        starts.put("/late", Uni.createFrom().completionStage(lateStart));
        try (Socket stuck = notReading("/stuck"); SseReader late = SseReader.open(uri("/late"), Map.of());
                SseReader live = SseReader.open(uri("/live"), Map.of())) {
            late.awaitComment("connected", PATIENCE);
            live.awaitComment("connected", PATIENCE);
            awaitListeners(3);

            for (int change = 1; change <= ViewerStream.LIVE_BUFFER; change++) {
                hub.publish(change(change, null));
            }
            awaitStats(live, 1, ViewerStream.LIVE_BUFFER);
            assertEquals(3, hub.listeners(), "a client was closed with no more changes waiting than its buffer holds");

            lateStart.complete(fromTheStart());
            awaitStats(late, 1, ViewerStream.LIVE_BUFFER);

            int oneTooMany = ViewerStream.LIVE_BUFFER + 1;
            hub.publish(change(oneTooMany, null));
            awaitStats(live, oneTooMany, oneTooMany);
            awaitStats(late, oneTooMany, oneTooMany);
            awaitListeners(2);
            awaitClosedConnections(1);
            assertStreamEnded(stuck);
        }
    }

    @Test
    void aClientThatStopsReadingWhileItReplaysHoldsAboutTheLimitOfItAndTheRestIsNotRead() throws Exception {
        MissedFeed stalledFeed = new MissedFeed();
        MissedFeed readFeed = new MissedFeed();
        starts.put("/stalled", Uni.createFrom().item(() -> resumingFromTheStart(stalledFeed)));
        starts.put("/reads", Uni.createFrom().item(() -> resumingFromTheStart(readFeed)));
        try (Socket stalled = notReading("/stalled")) {
            try (SseReader reading = SseReader.open(uri("/reads"), Map.of())) {
                for (int record = 0; record < MissedFeed.ITEMS; record++) {
                    assertEquals("v1:0." + record + ".1", reading.nextEvent(PATIENCE).id());
                }
            }
            // both replays ran side by side on one event loop: the one the client does not take went no further
            // than about the limit (what Mutiny hands on ahead, a page, and the sockets, on top)
            long readForStalled = (long) stalledFeed.pagesRead.get() * MissedFeed.PAGE * MissedFeed.MESSAGE.length();
            assertTrue(readForStalled < 2L * ViewerStream.UNREAD_BYTES, readForStalled + " bytes of the replay read");
            assertEquals(MissedFeed.ITEMS / MissedFeed.PAGE + 1, readFeed.pagesRead.get());

            awaitListeners(1);
            for (int change = 1; change <= ViewerStream.LIVE_BUFFER + 1; change++) {
                hub.publish(change(MissedFeed.ITEMS + change, null));
            }
            awaitListeners(0);
            awaitClosedConnections(2);
            assertStreamEnded(stalled);
            System.out.printf("slow stream client in a replay of %d bytes: %d bytes of it read for it before it was"
                    + " closed (limit %d unread)%n", MissedFeed.ITEMS * MissedFeed.MESSAGE.length(), readForStalled,
                    ViewerStream.UNREAD_BYTES);
        }
    }

    /** A client's feed from the start of every partition, with nothing missed to read. */
    private static ViewerFeed fromTheStart() {
        return new ViewerFeed(null, MESSAGES, 10, "v1", FeedPositions.of(Map.of()), false);
    }

    /** A client resuming from the start of every partition, with everything of {@code feed} to read. */
    private static ViewerFeed resumingFromTheStart(FeedReadModel feed) {
        return new ViewerFeed(feed, MESSAGES, MissedFeed.PAGE, "v1", FeedPositions.of(Map.of()), true);
    }

    /** The feed a replay reads: {@link #ITEMS} items of partition 0, one a record; counts the pages read. */
    private static final class MissedFeed extends FeedReadModel {
        static final String MESSAGE = "y".repeat(1024);
        static final int ITEMS = 4 * ViewerStream.UNREAD_BYTES / MESSAGE.length();
        static final int PAGE = 64;
        final AtomicInteger pagesRead = new AtomicInteger();

        MissedFeed() {
            super(null, null);
        }

        @Override
        public Uni<List<FeedItemAt>> after(Map<Integer, FeedPosition> reached, int limit) {
            pagesRead.incrementAndGet();
            FeedPosition next = reached.getOrDefault(0, FeedPosition.START);
            long first = next.offset() + (next.index() > 0 ? 1 : 0);
            return Uni.createFrom().item(LongStream.range(first, Math.min(first + limit, ITEMS))
                    .mapToObj(record -> new FeedItemAt(new FeedItem(record, 0, "commit", "alice", "org/api", MESSAGE),
                            0, FeedPosition.atRecord(record)))
                    .toList());
        }
    }

    /**
     * Over HTTP/2 many streams share one connection: a stream whose client stops reading is reset alone, and the
     * client's other stream on that connection goes on. The stream's flow-control window (64 KB) stops the server's
     * writes long before a megabyte waits.
     */
    @Test
    void anHttp2StreamThatStopsReadingIsResetAloneAndTheOtherStreamOnItsConnectionGoesOn() throws Exception {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false).setHttp2MaxPoolSize(1).setHttp2MultiplexingLimit(10)
                .setInitialSettings(new Http2Settings().setInitialWindowSize(64 * 1024))
                // as a browser's: room for what one stream holds unread without stopping the others
                .setHttp2ConnectionWindowSize(16 * 1024 * 1024));
        CompletableFuture<Throwable> stalledEnded = new CompletableFuture<>();
        HttpClientResponse stalled = stream(client, "/live").get(30, TimeUnit.SECONDS);
        stalled.pause();
        stalled.exceptionHandler(stalledEnded::complete);
        StringBuffer received = new StringBuffer();
        HttpClientResponse reading = stream(client, "/live").get(30, TimeUnit.SECONDS);
        reading.handler(chunk -> received.append(chunk.toString(US_ASCII)));
        awaitListeners(2);
        assertEquals(HttpVersion.HTTP_2, reading.version());

        int published = 0;
        while (hub.listeners() == 2 && published < 3 * ViewerStream.UNREAD_BYTES / ITEM_DATA.length()) {
            hub.publish(change(++published, ITEM_DATA));
            String stats = "id:v1:0." + published + ".0\n";
            await().atMost(PATIENCE).until(() -> received.indexOf(stats) >= 0);
        }
        assertEquals(1, hub.listeners(), "the stream that does not read is still served after " + published
                + " changes");
        assertTrue(stalledEnded.get(30, TimeUnit.SECONDS) instanceof StreamResetException,
                "the stalled stream ended by " + stalledEnded.getNow(null));

        hub.publish(change(++published, ITEM_DATA));
        String last = "id:v1:0." + published + ".0\n";
        await().atMost(PATIENCE).until(() -> received.indexOf(last) >= 0);
        assertEquals(0, closedConnections.get(), "the connection was closed with the stalled stream");
    }

    private CompletableFuture<HttpClientResponse> stream(HttpClient client, String path) {
        return client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", path)
                .compose(HttpClientRequest::send).toCompletionStage().toCompletableFuture();
    }

    /**
     * Record {@code record - 1} of partition 0: with an item carrying {@code data}, or none when it is null; the
     * stats then say the client stands at {@code v1:0.<record>.0}.
     */
    private static FeedChange change(int record, String data) {
        List<FeedChange.PushedItem> items = data == null ? List.of()
                : List.of(new FeedChange.PushedItem(new FeedItemAt(new FeedItem(record, 0, "commit", "alice",
                        "org/api", "m"), 0, new FeedPosition(record - 1, 0)), data));
        FeedRange range = new FeedRange(0, FeedPosition.atRecord(record - 1), FeedPosition.atRecord(record));
        return new FeedChange(List.of(new FeedChange.Segment(range, items)), "{}",
                FeedPositions.of(Map.of(0, FeedPosition.atRecord(record))), null);
    }

    private static int wireBytes(FeedChange change) {
        int events = StreamMessage.wire(fromTheStart().take(change)).getBytes(US_ASCII).length;
        return Integer.toHexString(events).length() + "\r\n".length() + events + "\r\n".length();
    }

    private void publishAndAwait(int record, String data, SseReader reader) throws InterruptedException {
        hub.publish(change(record, data));
        SseReader.Event item = reader.nextEvent(PATIENCE);
        assertEquals(new SseReader.Event("activity", "v1:0." + (record - 1) + ".1", data), item);
        awaitStats(reader, record, record);
    }

    /** The stats of records {@code first} to {@code last}, in order, with nothing in between. */
    private static void awaitStats(SseReader reader, int first, int last) throws InterruptedException {
        for (int record = first; record <= last; record++) {
            assertEquals(new SseReader.Event("stats", "v1:0." + record + ".0", "{}"), reader.nextEvent(PATIENCE));
        }
    }

    private void awaitListeners(int count) {
        await().atMost(PATIENCE).until(() -> hub.listeners() == count);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.actualPort() + path);
    }

    /** Asks for a stream and never reads it. */
    private Socket notReading(String path) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(SMALL_SOCKET_BUFFER);
        socket.connect(new InetSocketAddress("127.0.0.1", server.actualPort()));
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private void awaitClosedConnections(int count) {
        await().atMost(PATIENCE).until(() -> closedConnections.get() == count);
    }

    /** The client sees its stream end, by a reset or after what the sockets still held; fails if it stays open. */
    private static void assertStreamEnded(Socket socket) throws IOException {
        socket.setSoTimeout((int) PATIENCE.toMillis());
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            while (in.read(buffer) >= 0) {
                // what the server wrote before it ended the stream
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the server kept the stream open", stillOpen);
        } catch (SocketException reset) {
            // ended
        }
    }
}
