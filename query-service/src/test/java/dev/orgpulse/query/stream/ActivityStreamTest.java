package dev.orgpulse.query.stream;

import static dev.orgpulse.query.support.Json.assertJsonEquals;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import dev.orgpulse.query.support.Json;
import dev.orgpulse.query.support.ReadModelRows;
import dev.orgpulse.query.support.ReadModelRows.LogPlace;
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
    ChangeNoticeConsumer notices;

    @Inject
    ChangeHub hub;

    @BeforeEach
    void emptyReadModels() {
        ReadModelRows.clear();
        TestCaches.emptyAll(cacheManager);
        ChangeNotices.awaitListening(notices);
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
    void aNoticePushesTheItemsUpToItsPositionsWithWhereTheClientStandsThenFreshStats() throws Exception {
        try (SseReader reader = SseReader.open(stream, VIEWER)) {
            reader.awaitComment("connected", PATIENCE);
            long offset = ReadModelRows.nextOffset();
            LogPlace commitAt = new LogPlace(2, offset, 0);
            LogPlace botAt = new LogPlace(2, offset, 1);
            FeedItem commit = feedItem(commitAt, "commit", "alice", "Fix the parser", false);
            feedItem(botAt, "commit", "dependabot[bot]", "Bump jackson", true);

            ChangeNotices.publishUpTo(Set.of(ReadModel.FEED, ReadModel.STATS), List.of(commitAt, botAt));

            SseReader.Event activity = reader.nextEvent(PATIENCE);
            assertEquals("activity", activity.name());
            assertEquals("v1:" + commitAt.reached(), activity.id());
            assertJsonEquals(Map.of("ts", commit.ts(), "kind", "commit", "dev", "alice", "repo", "org/api",
                    "message", "Fix the parser"), activity.data());

            // the bot's item is left out; the stats follow, with the position past the whole record
            SseReader.Event stats = reader.nextEvent(PATIENCE);
            assertEquals("stats", stats.name());
            assertEquals("v1:2." + (offset + 1) + ".0", stats.id());
            assertJsonEquals(Map.of("commits", 1, "repos_active", 1, "prs_open", 0, "prs_merged", 0,
                    "people_active", 1), stats.data());
            // on the wire, as an EventSource parses it
            List<String> raw = reader.rawLines();
            assertTrue(raw.contains("event:activity") && raw.contains("id:v1:" + commitAt.reached())
                    && raw.contains("event:stats") && raw.contains(":connected"), raw.toString());
        }
    }

    @Test
    void aReconnectingClientGetsExactlyWhatItMissedThenTheLiveItems() throws Exception {
        LogPlace seenAt = new LogPlace(0, ReadModelRows.nextOffset(), 0);
        feedItem(seenAt, "commit", "alice", "seen before the disconnect", false);
        LogPlace missedFirstAt = new LogPlace(0, ReadModelRows.nextOffset(), 0);
        feedItem(missedFirstAt, "commit", "bob", "missed one", false);
        feedItem(new LogPlace(1, ReadModelRows.nextOffset(), 0), "commit", "dependabot[bot]", "missed, but a bot", true);
        LogPlace missedSecondAt = new LogPlace(3, ReadModelRows.nextOffset(), 0);
        feedItem(missedSecondAt, "opened", "alice", "missed two", false);

        try (SseReader reader = SseReader.open(stream, Map.of("Authorization", "Bearer test-viewer-key",
                "Last-Event-ID", "v1:" + seenAt.reached()))) {
            List<String> messages = new ArrayList<>();
            messages.add(messageOf(reader.awaitEvent(event -> event.name().equals("activity"), PATIENCE)));
            SseReader.Event second = reader.awaitEvent(event -> event.name().equals("activity"), PATIENCE);
            messages.add(messageOf(second));
            assertEquals("v1:" + missedFirstAt.reached() + "," + missedSecondAt.reached(), second.id(),
                    "every partition the client has been sent items of");

            // a late notice spanning the replayed items must not deliver them twice
            LogPlace liveAt = new LogPlace(3, ReadModelRows.nextOffset(), 0);
            feedItem(liveAt, "merged", "bob", "live after the resume", false);
            ChangeNotices.publishUpTo(Set.of(ReadModel.FEED), List.of(missedFirstAt, missedSecondAt, liveAt));
            messages.add(messageOf(reader.awaitEvent(event -> event.name().equals("activity"), PATIENCE)));

            assertEquals(List.of("missed one", "missed two", "live after the resume"), messages);
        }
    }

    @Test
    void aPageThatOpensANewStreamResumesWithTheLastEventIdInTheQueryAndLearnsTheRetryDelay() throws Exception {
        LogPlace seenAt = new LogPlace(4, ReadModelRows.nextOffset(), 0);
        feedItem(seenAt, "commit", "alice", "seen before the page dropped its stream", false);
        feedItem(new LogPlace(4, ReadModelRows.nextOffset(), 0), "commit", "bob", "missed while it was closed", false);

        URI resume = URI.create(stream + "?lastEventId=" + URLEncoder.encode("v1:" + seenAt.reached(), StandardCharsets.UTF_8));
        try (SseReader reader = SseReader.open(resume, VIEWER)) {
            assertEquals("missed while it was closed",
                    messageOf(reader.awaitEvent(event -> event.name().equals("activity"), PATIENCE)));
            // EventSource waits this long before it reconnects by itself
            assertTrue(reader.rawLines().contains("retry:2000"), reader.rawLines().toString());
        }
        // the header an EventSource sends on its own reconnects is the newer position: it wins
        try (SseReader reader = SseReader.open(URI.create(stream + "?lastEventId=v1:"), Map.of("Authorization",
                "Bearer test-viewer-key", "Last-Event-ID", "v1:" + seenAt.reached()))) {
            assertEquals("missed while it was closed",
                    messageOf(reader.awaitEvent(event -> event.name().equals("activity"), PATIENCE)));
        }
    }

    @Test
    void withoutAnIdOfThisVersionAStreamStartsWhereTheNodesStreamStands() throws Exception {
        try (SseReader earlier = SseReader.open(stream, VIEWER)) {
            earlier.awaitComment("connected", PATIENCE);
            LogPlace beforeAt = new LogPlace(5, ReadModelRows.nextOffset(), 0);
            feedItem(beforeAt, "commit", "alice", "pushed before the client came", false);
            ChangeNotices.publishUpTo(Set.of(ReadModel.FEED), List.of(beforeAt));
            earlier.awaitEvent(event -> event.name().equals("activity"), PATIENCE);
        }
        for (String id : List.of("v0:5.1.0", "42", "not-an-id")) {
            try (SseReader reader = SseReader.open(stream, Map.of("Authorization", "Bearer test-viewer-key",
                    "Last-Event-ID", id))) {
                reader.awaitComment("connected", PATIENCE);
                LogPlace liveAt = new LogPlace(5, ReadModelRows.nextOffset(), 0);
                feedItem(liveAt, "commit", "bob", "after '" + id + "'", false);
                ChangeNotices.publishUpTo(Set.of(ReadModel.FEED), List.of(liveAt));
                assertEquals("after '" + id + "'", messageOf(reader.awaitEvent(event -> event.name().equals("activity"),
                        PATIENCE)));
            }
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
            LogPlace itemAt = new LogPlace(5, ReadModelRows.nextOffset(), 0);
            feedItem(itemAt, "commit", "alice", "folded into the served version", false);

            ChangeNotices.publish("v9", Set.of(ReadModel.FEED), Map.of(5, itemAt.offset() + 1));
            assertTrue(reader.pollEvent(Duration.ofSeconds(2)).isEmpty(), "a notice of v9 pushed something");
            ChangeNotices.publish("v1", Set.of(ReadModel.FEED), Map.of(5, itemAt.offset() + 1));

            assertEquals("folded into the served version",
                    messageOf(reader.awaitEvent(event -> event.name().equals("activity"), PATIENCE)));
        }
    }

    @Test
    void aSwitchToAnotherReadModelVersionEmptiesEveryCacheAndResetsTheStreams() throws Exception {
        feedItem(new LogPlace(5, ReadModelRows.nextOffset(), 0), "commit", "alice", "in the old version", false);
        assertEquals(1, Json.read(ViewerApi.get("/api/stats")).get("commits").asInt());
        feedItem(new LogPlace(5, ReadModelRows.nextOffset(), 0), "commit", "bob", "the new version has more", false);
        assertEquals(1, Json.read(ViewerApi.get("/api/stats")).get("commits").asInt(), "cached");

        try (SseReader reader = SseReader.open(stream, VIEWER)) {
            reader.awaitComment("connected", PATIENCE);
            ReadModelRows.readModelVersion("v2");
            try {
                ChangeNotices.publish("v2", Set.of(), Map.of());

                SseReader.Event reset = reader.awaitEvent(event -> !event.name().equals("activity"), PATIENCE);
                assertEquals("reset", reset.name());
                assertJsonEquals(Map.of("read_model_version", "v2"), reset.data());
                SseReader.Event stats = reader.nextEvent(PATIENCE);
                assertEquals("stats", stats.name());
                assertEquals(2, Json.read(stats.data()).get("commits").asInt());
                assertEquals(2, Json.read(ViewerApi.get("/api/stats")).get("commits").asInt());
            } finally {
                // back to the version every other test serves; noticed without a notice, by the periodic check
                ReadModelRows.readModelVersion("v1");
            }
            assertJsonEquals(Map.of("read_model_version", "v1"),
                    reader.awaitEvent(event -> event.name().equals("reset"), PATIENCE).data());
        }
    }

    private static FeedItem feedItem(LogPlace place, String kind, String dev, String message, boolean bot) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(1));
        return ReadModelRows.feedItemAt(place, at, kind, dev, "org/api", message, bot);
    }

    private static String messageOf(SseReader.Event activity) {
        return Json.read(activity.data()).get("message").asText();
    }
}
