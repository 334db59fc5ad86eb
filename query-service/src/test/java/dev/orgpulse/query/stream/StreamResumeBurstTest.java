package dev.orgpulse.query.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.orgpulse.query.support.ChangeNotices;
import dev.orgpulse.query.support.Json;
import dev.orgpulse.query.support.ReadModelRows;
import dev.orgpulse.query.support.ReadModelRows.LogPlace;
import dev.orgpulse.query.support.ReadModelRows.LoggedItem;
import dev.orgpulse.query.support.SseReader;
import dev.orgpulse.query.support.TestCaches;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.cache.CacheManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A burst of deliveries folded by several projectors at once while a client keeps losing its stream and reconnecting
 * with its {@code Last-Event-ID}: it must get every item exactly once. The projectors are played by writers that
 * commit batches of feed items with their log positions in transactions of their own (so commits land out of
 * order across partitions, and feed ids out of log order) and publish a change notice after each, some of which
 * are lost, as a notice may be.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "migrations",
        value = "filesystem:../projector-service/src/main/resources/db/migration"))
class StreamResumeBurstTest {

    private static final int PARTITIONS = 6;
    private static final int PROJECTORS = 3;
    private static final int RECORDS = 1200;
    private static final int MOST_ITEMS_PER_RECORD = 3;
    private static final int MOST_RECORDS_PER_BATCH = 40;
    /** One notice in this many never reaches the query service. */
    private static final int LOST_NOTICE_EVERY = 6;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration QUIET = Duration.ofSeconds(2);

    @TestHTTPResource("/api/stream")
    URI stream;

    @Inject
    CacheManager cacheManager;

    @Inject
    ChangeNoticeConsumer notices;

    @Test
    void aClientReconnectingAtManyPointsOfABurstGetsEveryItemExactlyOnce() throws Exception {
        ReadModelRows.clear();
        TestCaches.emptyAll(cacheManager);
        ChangeNotices.awaitListening(notices);
        long firstOffset = ReadModelRows.nextOffsets(RECORDS);
        Set<String> written = ConcurrentHashMap.newKeySet();
        AtomicInteger lostNotices = new AtomicInteger();
        AtomicBoolean burstOver = new AtomicBoolean();

        ExecutorService threads = Executors.newFixedThreadPool(PROJECTORS + 1);
        try {
            // the client starts from the beginning of every partition ("v1:"), before the burst
            Future<Resumes> client = threads.submit(() -> follow(written, burstOver));
            List<Future<?>> projectors = new ArrayList<>();
            for (int projector = 0; projector < PROJECTORS; projector++) {
                int own = projector;
                projectors.add(threads.submit(() -> {
                    fold(own, firstOffset, written, lostNotices);
                    return null;
                }));
            }
            long started = System.nanoTime();
            for (Future<?> projector : projectors) {
                projector.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
            long burstMs = (System.nanoTime() - started) / 1_000_000;
            burstOver.set(true);
            Resumes resumes = client.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            Set<String> unique = new HashSet<>(resumes.received());
            assertEquals(resumes.received().size(), unique.size(), "an item came twice");
            assertEquals(written, unique, "every item written came");
            assertTrue(resumes.connections() >= 20, "reconnected at " + resumes.connections() + " points only");
            System.out.printf("stream resume burst: %d records, %d items shown (bots left out) by %d projectors in"
                    + " %d ms, %d change notices lost; the client connected %d times (%d with ?lastEventId=) and got"
                    + " each item once%n", RECORDS, written.size(), PROJECTORS, burstMs, lostNotices.get(),
                    resumes.connections(), resumes.byQuery());
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * One projector: the records of its partitions ({@code p % PROJECTORS == projector}) in batches of random size,
     * each committed in one transaction after a random pause, then announced by a notice (unless it is lost; the last
     * one never is, so the end of the burst reaches the service).
     */
    private static void fold(int projector, long firstOffset, Set<String> written, AtomicInteger lostNotices) {
        Random random = new Random(projector);
        List<Integer> partitions = new ArrayList<>();
        for (int partition = projector; partition < PARTITIONS; partition += PROJECTORS) {
            partitions.add(partition);
        }
        int records = RECORDS / PROJECTORS / partitions.size();
        Map<Integer, Long> next = new HashMap<>();
        partitions.forEach(partition -> next.put(partition, firstOffset));
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        int notices = 0;
        try (ChangeNotices.Publisher publisher = new ChangeNotices.Publisher()) {
            while (next.values().stream().anyMatch(offset -> offset < firstOffset + records)) {
                List<LoggedItem> batch = new ArrayList<>();
                int size = 1 + random.nextInt(MOST_RECORDS_PER_BATCH);
                for (int record = 0; record < size; record++) {
                    int partition = partitions.get(random.nextInt(partitions.size()));
                    long offset = next.get(partition);
                    if (offset >= firstOffset + records) {
                        continue;
                    }
                    next.put(partition, offset + 1);
                    int items = 1 + random.nextInt(MOST_ITEMS_PER_RECORD);
                    for (int index = 0; index < items; index++) {
                        boolean bot = random.nextInt(10) == 0;
                        String message = "p" + partition + "-o" + offset + "-i" + index;
                        batch.add(new LoggedItem(new LogPlace(partition, offset, index), at, "commit",
                                bot ? "dependabot[bot]" : "dev" + random.nextInt(7), "org/repo" + partition, message,
                                bot));
                        if (!bot) {
                            written.add(message);
                        }
                    }
                }
                ReadModelRows.feedBatch(batch, () -> pause(random.nextInt(15)));
                boolean last = next.values().stream().allMatch(offset -> offset >= firstOffset + records);
                if (!last && ++notices % LOST_NOTICE_EVERY == 0) {
                    lostNotices.incrementAndGet();
                } else {
                    publisher.publish(Map.copyOf(next));
                }
            }
        }
    }

    private record Resumes(List<String> received, int connections, int byQuery) {
    }

    /**
     * The client: reads a random number of events, hangs up (what it had not read yet is lost with the connection),
     * reconnects with the id of the last event it read, alternately as the header an EventSource sends and as the
     * query parameter the wall uses; until the burst is over and every item has come, then once more to see that
     * nothing else does.
     */
    private Resumes follow(Set<String> written, AtomicBoolean burstOver) throws Exception {
        Random random = new Random(42);
        List<String> received = new ArrayList<>();
        String lastId = "v1:";
        int connections = 0;
        int byQuery = 0;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        boolean quiet = false;
        while (!quiet && System.nanoTime() < deadline) {
            boolean asQuery = connections % 2 == 1;
            URI uri = asQuery ? URI.create(stream + "?lastEventId=" + URLEncoder.encode(lastId, StandardCharsets.UTF_8))
                    : stream;
            Map<String, String> headers = asQuery ? Map.of("Authorization", "Bearer test-viewer-key")
                    : Map.of("Authorization", "Bearer test-viewer-key", "Last-Event-ID", lastId);
            connections++;
            byQuery += asQuery ? 1 : 0;
            int toRead = 1 + random.nextInt(80);
            try (SseReader reader = SseReader.open(uri, headers)) {
                for (int read = 0; read < toRead; read++) {
                    Optional<SseReader.Event> event = reader.pollEvent(QUIET);
                    if (event.isEmpty()) {
                        // nothing more now: done once every item has come and a fresh connection stayed quiet too
                        quiet = burstOver.get() && received.size() >= written.size() && read == 0;
                        break;
                    }
                    assertTrue(event.get().id().startsWith("v1:"), event.get().id());
                    lastId = event.get().id();
                    if (event.get().name().equals("activity")) {
                        received.add(Json.read(event.get().data()).get("message").asText());
                    }
                }
            }
        }
        return new Resumes(received, connections, byQuery);
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
