package dev.orgpulse.query.api;

import static dev.orgpulse.query.support.Json.assertJsonEquals;
import static dev.orgpulse.query.support.ViewerApi.get;
import static dev.orgpulse.query.support.ViewerApi.recentEvent;
import static dev.orgpulse.query.support.ViewerApi.viewer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.query.support.Json;
import dev.orgpulse.query.support.ReadModelRows;
import dev.orgpulse.query.support.TestCaches;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.cache.CacheManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "migrations",
        value = "filesystem:../projector-service/src/main/resources/db/migration"))
class CodewallApiTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant BOB_MERGED = NOW.minus(Duration.ofMinutes(5));
    private static final Instant BOT_COMMIT = NOW.minus(Duration.ofMinutes(10));
    private static final Instant ALICE_COMMIT = NOW.minus(Duration.ofHours(1));
    private static final Instant ALICE_OPENED = NOW.minus(Duration.ofHours(2));
    private static final Instant ALICE_OLDER_COMMIT = NOW.minus(Duration.ofDays(1));
    private static final Instant BOB_COMMIT = NOW.minus(Duration.ofDays(3));
    private static final Instant BEFORE_WINDOW = NOW.minus(Duration.ofDays(100));

    @Inject
    CacheManager cacheManager;

    @BeforeEach
    void readModels() {
        ReadModelRows.clear();
        TestCaches.emptyAll(cacheManager);
        ReadModelRows.person("alice", "Alice Adams", "https://avatars.example/alice.png", false);
        ReadModelRows.person("bob", null, null, false);
        ReadModelRows.person("dependabot[bot]", "Dependabot", "https://avatars.example/bot.png", true);

        ReadModelRows.feedItem(ALICE_COMMIT, "commit", "alice", "org/api", "Fix the parser", false);
        ReadModelRows.feedItem(ALICE_OPENED, "opened", "alice", "org/web", "Add the landing page", false);
        ReadModelRows.feedItem(BOB_COMMIT, "commit", "bob", "org/api", "Document the API", false);
        ReadModelRows.feedItem(BOB_MERGED, "merged", "bob", "org/api", "Release 1.2", false);
        ReadModelRows.feedItem(BOT_COMMIT, "commit", "dependabot[bot]", "org/bots-only", "Bump jackson", true);
        ReadModelRows.feedItem(BEFORE_WINDOW, "commit", "carol", "org/old", "Ancient history", false);
        ReadModelRows.feedItem(ALICE_OLDER_COMMIT, "commit", "alice", "org/api", "Start the parser", false);

        ReadModelRows.pullRequest("org/api", 1, "alice", false, "open", NOW.minus(Duration.ofDays(2)), null);
        ReadModelRows.pullRequest("org/api", 2, "bob", false, "merged", NOW.minus(Duration.ofDays(4)),
                NOW.minus(Duration.ofDays(2)));
        ReadModelRows.pullRequest("org/web", 3, "alice", false, "merged", NOW.minus(Duration.ofDays(130)),
                NOW.minus(Duration.ofDays(120)));
        ReadModelRows.pullRequest("org/api", 4, "dependabot[bot]", true, "open", NOW.minus(Duration.ofDays(1)), null);
        ReadModelRows.pullRequest("org/api", 5, "dependabot[bot]", true, "merged", NOW.minus(Duration.ofDays(1)),
                NOW.minus(Duration.ofHours(3)));
        ReadModelRows.pullRequest("org/api", 6, "bob", false, "closed", NOW.minus(Duration.ofDays(1)), null);
    }

    @Test
    void statsCountTheWindowWithoutBots() {
        assertJsonEquals(Map.of("commits", 3, "repos_active", 2, "prs_open", 1, "prs_merged", 1, "people_active", 2),
                get("/api/stats"));
    }

    @Test
    void statsAnsweredAgainWithTheirTagAreNotSentAgain() {
        String tag = viewer().get("/api/stats").then().statusCode(200).extract().header("ETag");

        viewer().header("If-None-Match", tag).get("/api/stats").then().statusCode(304).header("ETag", tag);
        viewer().header("If-None-Match", "\"something else\"").get("/api/stats").then().statusCode(200);
    }

    @Test
    void recentEventsAreNewestFirstWithEpochSeconds() {
        assertJsonEquals(List.of(
                recentEvent(BOB_MERGED, "merged", "bob", "org/api", "Release 1.2"),
                recentEvent(ALICE_COMMIT, "commit", "alice", "org/api", "Fix the parser"),
                recentEvent(ALICE_OPENED, "opened", "alice", "org/web", "Add the landing page"),
                recentEvent(ALICE_OLDER_COMMIT, "commit", "alice", "org/api", "Start the parser"),
                recentEvent(BOB_COMMIT, "commit", "bob", "org/api", "Document the API")),
                get("/api/events/recent"));
    }

    @Test
    void recentEventsHonourTheLimitAndClampIt() {
        assertJsonEquals(List.of(
                recentEvent(BOB_MERGED, "merged", "bob", "org/api", "Release 1.2"),
                recentEvent(ALICE_COMMIT, "commit", "alice", "org/api", "Fix the parser")),
                get("/api/events/recent?limit=2"));
        assertJsonEquals(List.of(recentEvent(BOB_MERGED, "merged", "bob", "org/api", "Release 1.2")),
                get("/api/events/recent?limit=0"));
        assertEquals(5, Json.read(get("/api/events/recent?limit=many")).size());
    }

    @Test
    void activeContributorsAreMostRecentFirstWithTheirNewestItem() {
        assertJsonEquals(List.of(
                Map.of("login", "bob", "name", "bob", "avatar", "", "last_active", BOB_MERGED.getEpochSecond(),
                        "kind", "merged", "repo", "org/api", "count", 2),
                Map.of("login", "alice", "name", "Alice Adams", "avatar", "https://avatars.example/alice.png",
                        "last_active", ALICE_COMMIT.getEpochSecond(), "kind", "commit", "repo", "org/api",
                        "count", 3)),
                get("/api/contributors/active"));
    }

    @Test
    void topReposAreByItemCountThenName() {
        assertJsonEquals(List.of(Map.of("repo", "org/api", "count", 4), Map.of("repo", "org/web", "count", 1)),
                get("/api/repos/top"));
        assertJsonEquals(List.of(Map.of("repo", "org/api", "count", 4)), get("/api/repos/top?limit=1"));
    }

    @Test
    void theHeatmapHasEveryDayOfTheWindowEndingTodayInUtc() {
        Map<String, Integer> expected = new HashMap<>();
        for (Instant at : List.of(BOB_MERGED, ALICE_COMMIT, ALICE_OPENED, ALICE_OLDER_COMMIT, BOB_COMMIT)) {
            expected.merge(LocalDate.ofInstant(at, ZoneOffset.UTC).toString(), 1, Integer::sum);
        }

        JsonNode heatmap = Json.read(get("/api/heatmap"));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(90, heatmap.size());
        for (int i = 0; i < 90; i++) {
            String date = today.minusDays(89 - i).toString();
            assertJsonEquals(Map.of("date", date, "count", expected.getOrDefault(date, 0)),
                    heatmap.get(i).toString());
        }
    }
}
