package dev.orgpulse.query.api;

import static dev.orgpulse.query.support.Json.assertJsonEquals;
import static dev.orgpulse.query.support.ViewerApi.get;
import static dev.orgpulse.query.support.ViewerApi.recentEvent;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.query.support.ReadModelRows;
import dev.orgpulse.query.support.TestCaches;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.cache.CacheManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.orgpulse.query.support.Json;

/**
 * The five codewall endpoints over the GitHub kinds: reviews and comments are activities, CI and branch events are
 * feed items only, bots stay out, a renamed repository shows under its new name, the heatmap reads the daily counts.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "migrations",
        value = "filesystem:../projector-service/src/main/resources/db/migration"))
class GitHubKindsApiTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant CAROL_REVIEW = NOW.minus(Duration.ofHours(3));
    private static final Instant CAROL_COMMENT = NOW.minus(Duration.ofHours(2));
    private static final Instant DAVE_CI_FAILED = NOW.minus(Duration.ofMinutes(30));
    private static final Instant ERIN_BRANCH = NOW.minus(Duration.ofMinutes(20));
    private static final Instant BOT_REVIEW = NOW.minus(Duration.ofMinutes(10));
    private static final long DOCS = ReadModelRows.repositoryId("org/docs");
    private static final long INFRA = ReadModelRows.repositoryId("org/infra");

    @Inject
    CacheManager cacheManager;

    @BeforeEach
    void readModels() {
        ReadModelRows.clear();
        TestCaches.emptyAll(cacheManager);
        ReadModelRows.person("carol", "Carol Chen", "https://avatars.example/carol.png", false);
        ReadModelRows.feedItem(CAROL_REVIEW, "review", "carol", DOCS, "org/docs", "approved: Explain the window", false,
                true);
        ReadModelRows.feedItem(CAROL_COMMENT, "comment", "carol", DOCS, "org/docs", "Explain the window", false, true);
        ReadModelRows.feedItem(DAVE_CI_FAILED, "ci_failed", "dave", INFRA, "org/infra", "build on main", false, false);
        ReadModelRows.feedItem(ERIN_BRANCH, "branch_created", "erin", INFRA, "org/infra", "feature/x", false, false);
        ReadModelRows.feedItem(BOT_REVIEW, "review", "copilot[bot]", DOCS, "org/docs", "commented: Explain the window",
                true, true);
    }

    @Test
    void reviewsAndCommentsAreActivitiesInTheStats() {
        assertJsonEquals(Map.of("commits", 0, "repos_active", 1, "prs_open", 0, "prs_merged", 0, "people_active", 1),
                get("/api/stats"));
    }

    @Test
    void theFeedShowsEveryKindButTheBots() {
        assertJsonEquals(List.of(
                recentEvent(ERIN_BRANCH, "branch_created", "erin", "org/infra", "feature/x"),
                recentEvent(DAVE_CI_FAILED, "ci_failed", "dave", "org/infra", "build on main"),
                recentEvent(CAROL_COMMENT, "comment", "carol", "org/docs", "Explain the window"),
                recentEvent(CAROL_REVIEW, "review", "carol", "org/docs", "approved: Explain the window")),
                get("/api/events/recent"));
    }

    @Test
    void contributorsAreThePeopleWithActivitiesWithTheirNewest() {
        assertJsonEquals(List.of(Map.of("login", "carol", "name", "Carol Chen", "avatar",
                "https://avatars.example/carol.png", "last_active", CAROL_COMMENT.getEpochSecond(), "kind", "comment",
                "repo", "org/docs", "count", 2)), get("/api/contributors/active"));
    }

    @Test
    void topReposCountActivitiesOnly() {
        assertJsonEquals(List.of(Map.of("repo", "org/docs", "count", 2)), get("/api/repos/top"));
    }

    @Test
    void theHeatmapCountsTheDailyActivitiesEvenWhereTheFeedHoldsNoItem() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // counted by the projector before its feed items were trimmed (a window changed, a rebuild)
        ReadModelRows.dailyActivity(today.minusDays(30), DOCS, "carol", false, 4);
        ReadModelRows.dailyActivity(today.minusDays(30), DOCS, "copilot[bot]", true, 9);

        JsonNode heatmap = Json.read(get("/api/heatmap"));

        assertEquals(90, heatmap.size());
        assertEquals(4, count(heatmap, today.minusDays(30)));
        // carol's review and comment of the last hours (yesterday's, just after midnight); not the bot's review
        assertEquals(2, count(heatmap, today) + count(heatmap, today.minusDays(1)));
    }

    @Test
    void aRenamedRepositoryShowsItsHistoryUnderItsNewName() {
        ReadModelRows.repository(DOCS, "org/handbook");

        assertJsonEquals(List.of(Map.of("repo", "org/handbook", "count", 2)), get("/api/repos/top"));
        assertEquals(List.of("org/infra", "org/infra", "org/handbook", "org/handbook"),
                Json.read(get("/api/events/recent")).findValuesAsText("repo"));
    }

    @Test
    void pullRequestsCarryWhatTheirReviewsSay() {
        Instant opened = NOW.minus(Duration.ofDays(2));
        ReadModelRows.pullRequest("org/docs", 7, "alice", false, "open", opened, null);
        ReadModelRows.pullRequest("org/docs", 8, "dependabot[bot]", true, "open", opened, null);
        ReadModelRows.review("org/docs", 7, 1, "alice", "commented", opened.plus(Duration.ofHours(1)));
        ReadModelRows.review("org/docs", 7, 2, "bob", "approved", opened.plus(Duration.ofHours(2)));
        ReadModelRows.review("org/docs", 7, 3, "carol", "changes_requested", opened.plus(Duration.ofHours(3)));
        ReadModelRows.review("org/docs", 7, 4, "carol", "approved", opened.plus(Duration.ofHours(4)));
        ReadModelRows.repository(DOCS, "org/handbook");

        JsonNode prs = Json.read(get("/api/prs?state=open"));

        assertEquals(1, prs.size());
        JsonNode pr = prs.get(0);
        assertEquals(List.of("org/handbook", "7", "alice", "open", "3", "2", opened.plus(Duration.ofHours(2)).toString()),
                List.of(pr.path("repo").asText(), pr.path("number").asText(), pr.path("author").asText(),
                        pr.path("state").asText(), pr.path("review_count").asText(), pr.path("approvals").asText(),
                        Instant.parse(pr.path("first_review_at").asText()).toString()));
        assertEquals(0, Json.read(get("/api/prs?state=merged")).size());
        given().auth().oauth2("test-viewer-key").get("/api/prs?state=stale").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.equalTo("bad_request"));
    }

    @Test
    void ciRunsAreNewestFirstWithoutTheBots() {
        ReadModelRows.ciRun("org/infra", 11, 1, "completed", "failure", "dave", false, NOW.minus(Duration.ofMinutes(9)),
                NOW.minus(Duration.ofMinutes(5)));
        ReadModelRows.ciRun("org/infra", 11, 2, "in_progress", null, "dave", false, NOW.minus(Duration.ofMinutes(2)),
                NOW.minus(Duration.ofMinutes(1)));
        ReadModelRows.ciRun("org/infra", 12, 1, "completed", "success", "renovate[bot]", true,
                NOW.minus(Duration.ofMinutes(3)), NOW);

        JsonNode runs = Json.read(get("/api/ci/runs"));

        assertEquals(List.of("2", "1"), runs.findValuesAsText("attempt"));
        assertEquals(List.of("in_progress", "completed"), runs.findValuesAsText("status"));
        assertEquals(240, runs.get(1).path("duration_seconds").asInt());
    }

    private static int count(JsonNode heatmap, LocalDate day) {
        for (JsonNode cell : heatmap) {
            if (cell.path("date").asText().equals(day.toString())) {
                return cell.path("count").asInt();
            }
        }
        throw new AssertionError(day + " is not on the heatmap " + heatmap);
    }
}
