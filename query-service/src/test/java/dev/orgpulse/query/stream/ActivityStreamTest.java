package dev.orgpulse.query.stream;

import static dev.orgpulse.query.support.Json.assertJsonEquals;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.FeedItem;
import dev.orgpulse.eventlog.ReadModel;
import dev.orgpulse.query.support.ChangeNotices;
import dev.orgpulse.query.support.ReadModelRows;
import dev.orgpulse.query.support.SseReader;
import dev.orgpulse.query.support.TestCaches;
import dev.orgpulse.query.support.ViewerApi;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.cache.CacheManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "migrations",
        value = "filesystem:../projector-service/src/main/resources/db/migration"))
class ActivityStreamTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Map<String, String> VIEWER = Map.of("Authorization", "Bearer test-viewer-key");

    @TestHTTPResource("/api/stream")
    URI stream;

    @Inject
    CacheManager cacheManager;

    @Inject
    KafkaClientService kafka;

    @Inject
    ChangeHub hub;

    @BeforeEach
    void emptyReadModels() {
        ReadModelRows.clear();
        TestCaches.emptyAll(cacheManager);
        ChangeNotices.awaitListening(kafka);
    }

    @Test
    void heartbeatCommentsKeepAQuietStreamOpen() throws Exception {
        try (SseReader reader = SseReader.open(stream, VIEWER)) {
            assertTrue(reader.contentType().startsWith("text/event-stream"), reader.contentType());
            reader.awaitComment("heartbeat", Duration.ofSeconds(10)); // every second in the test profile
            assertTrue(reader.rawLines().contains(":heartbeat"), reader.rawLines().toString());
        }
    }

    @Test
    void aNoticePushesItsFeedItemsWithTheirIdsThenFreshStats() throws Exception {
        try (SseReader reader = SseReader.open(stream, VIEWER)) {
            reader.awaitComment("connected", PATIENCE);
            FeedItem commit = feedItem("commit", "alice", "Fix the parser", false);
            FeedItem botCommit = feedItem("commit", "dependabot[bot]", "Bump jackson", true);

            ChangeNotices.publish(Set.of(ReadModel.FEED, ReadModel.STATS), List.of(commit, botCommit));

            SseReader.Event activity = reader.nextEvent(PATIENCE);
            assertEquals("activity", activity.name());
            assertEquals(Long.toString(commit.id()), activity.id());
            assertJsonEquals(Map.of("ts", commit.ts(), "kind", "commit", "dev", "alice", "repo", "org/api",
                    "message", "Fix the parser"), activity.data());

            // the bot's item is left out; the stats follow the notice's items and carry the highest feed id
            SseReader.Event stats = reader.nextEvent(PATIENCE);
            assertEquals("stats", stats.name());
            assertEquals(Long.toString(botCommit.id()), stats.id());
            assertJsonEquals(Map.of("commits", 1, "repos_active", 1, "prs_open", 0, "prs_merged", 0,
                    "people_active", 1), stats.data());
            // on the wire, as an EventSource parses it
            List<String> raw = reader.rawLines();
            assertTrue(raw.contains("event:activity") && raw.contains("id:" + commit.id())
                    && raw.contains("event:stats") && raw.contains("id:" + botCommit.id())
                    && raw.contains(":connected"), raw.toString());
        }
    }

    @Test
    void aReconnectingClientGetsExactlyWhatItMissedThenTheLiveItems() throws Exception {
        FeedItem seen = feedItem("commit", "alice", "seen before the disconnect", false);
        FeedItem missedFirst = feedItem("commit", "bob", "missed one", false);
        feedItem("commit", "dependabot[bot]", "missed, but a bot", true);
        FeedItem missedSecond = feedItem("opened", "alice", "missed two", false);

        try (SseReader reader = SseReader.open(stream, Map.of("Authorization", "Bearer test-viewer-key",
                "Last-Event-ID", Long.toString(seen.id())))) {
            List<String> activityIds = new ArrayList<>();
            activityIds.add(reader.awaitEvent(event -> event.name().equals("activity"), PATIENCE).id());
            activityIds.add(reader.awaitEvent(event -> event.name().equals("activity"), PATIENCE).id());

            // a late notice repeating a replayed item must not deliver it twice
            FeedItem live = feedItem("merged", "bob", "live after the resume", false);
            ChangeNotices.publish(Set.of(ReadModel.FEED), List.of(missedSecond, live));
            activityIds.add(reader.awaitEvent(event -> event.name().equals("activity"), PATIENCE).id());

            assertEquals(List.of(missedFirst.id(), missedSecond.id(), live.id()).stream().map(String::valueOf).toList(),
                    activityIds);
        }
    }

    @Test
    void aPageThatOpensANewStreamResumesWithTheLastEventIdInTheQueryAndLearnsTheRetryDelay() throws Exception {
        FeedItem seen = feedItem("commit", "alice", "seen before the page dropped its stream", false);
        FeedItem missed = feedItem("commit", "bob", "missed while it was closed", false);

        URI resume = URI.create(stream + "?lastEventId=" + seen.id());
        try (SseReader reader = SseReader.open(resume, VIEWER)) {
            assertEquals(Long.toString(missed.id()), reader.awaitEvent(event -> event.name().equals("activity"), PATIENCE).id());
            // EventSource waits this long before it reconnects by itself
            assertTrue(reader.rawLines().contains("retry:2000"), reader.rawLines().toString());
        }
        // the header an EventSource sends on its own reconnects is the newer position: it wins
        try (SseReader reader = SseReader.open(URI.create(stream + "?lastEventId=0"), Map.of("Authorization",
                "Bearer test-viewer-key", "Last-Event-ID", Long.toString(seen.id())))) {
            assertEquals(Long.toString(missed.id()), reader.awaitEvent(event -> event.name().equals("activity"), PATIENCE).id());
        }
    }

    @Test
    void aClientThatHangsUpStopsListening() throws Exception {
        int before = hub.listeners();
        SseReader reader = SseReader.open(stream, VIEWER);
        reader.awaitComment("connected", PATIENCE);
        assertEquals(before + 1, hub.listeners());

        reader.close();

        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(before, hub.listeners()));
    }

    @Test
    void aNoticeOfAnotherReadModelVersionIsIgnored() throws Exception {
        try (SseReader reader = SseReader.open(stream, VIEWER)) {
            reader.awaitComment("connected", PATIENCE);
            FeedItem foreign = feedItem("commit", "mallory", "folded into another database", false);
            FeedItem served = feedItem("commit", "alice", "folded into the served version", false);

            ChangeNotices.publish("v9", Set.of(ReadModel.FEED), List.of(foreign));
            ChangeNotices.publish("v1", Set.of(ReadModel.FEED), List.of(served));

            SseReader.Event first = reader.awaitEvent(event -> event.name().equals("activity"), PATIENCE);
            assertEquals(Long.toString(served.id()), first.id());
        }
    }

    @Test
    void aSwitchToAnotherReadModelVersionEmptiesEveryCacheAndResetsTheStreams() throws Exception {
        feedItem("commit", "alice", "in the old version", false);
        assertEquals(1, ViewerApi.tree(ViewerApi.get("/api/stats")).get("commits").asInt());
        feedItem("commit", "bob", "the new version has more", false);
        assertEquals(1, ViewerApi.tree(ViewerApi.get("/api/stats")).get("commits").asInt(), "cached");

        try (SseReader reader = SseReader.open(stream, VIEWER)) {
            reader.awaitComment("connected", PATIENCE);
            ReadModelRows.readModelVersion("v2");
            try {
                ChangeNotices.publish("v2", Set.of(), List.of());

                SseReader.Event reset = reader.awaitEvent(event -> !event.name().equals("activity"), PATIENCE);
                assertEquals("reset", reset.name());
                assertJsonEquals(Map.of("read_model_version", "v2"), reset.data());
                SseReader.Event stats = reader.nextEvent(PATIENCE);
                assertEquals("stats", stats.name());
                assertEquals(2, ViewerApi.tree(stats.data()).get("commits").asInt());
                assertEquals(2, ViewerApi.tree(ViewerApi.get("/api/stats")).get("commits").asInt());
            } finally {
                // back to the version every other test serves; noticed without a notice, by the periodic check
                ReadModelRows.readModelVersion("v1");
            }
            assertJsonEquals(Map.of("read_model_version", "v1"),
                    reader.awaitEvent(event -> event.name().equals("reset"), PATIENCE).data());
        }
    }

    private static FeedItem feedItem(String kind, String dev, String message, boolean bot) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(1));
        long id = ReadModelRows.feedItem(at, kind, dev, "org/api", message, bot);
        return new FeedItem(id, at.getEpochSecond(), kind, dev, "org/api", message);
    }
}
