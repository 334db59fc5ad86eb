package dev.orgpulse.query.api;

import static dev.orgpulse.query.support.Json.assertJsonEquals;
import static dev.orgpulse.query.support.ViewerApi.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.PointRules;
import dev.orgpulse.query.support.Json;
import dev.orgpulse.query.support.ReadModelRows;
import dev.orgpulse.query.support.TestCaches;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.cache.CacheManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The leaderboard, the point rules and the members over hand-written read-model rows, with exact figures. The recent
 * activities are of the last minutes (in every period); one of ada's is 200 days old (in {@code all} only).
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "migrations",
        value = "filesystem:../projector-service/src/main/resources/db/migration"))
class PeopleApiTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant RECENT = NOW.minus(Duration.ofMinutes(2));
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(200));

    @Inject
    CacheManager cacheManager;

    @BeforeEach
    void readModels() {
        ReadModelRows.clear();
        TestCaches.emptyAll(cacheManager);
        ReadModelRows.person("ada", "Ada Lovelace", "https://a/ada", false);
        ReadModelRows.person("grace", "Grace Hopper", "https://a/grace", false);
        ReadModelRows.person("renovate[bot]", null, null, true);
        for (int review = 0; review < 3; review++) {
            ReadModelRows.feedItem(RECENT, "review", "ada", "org/api", "approved: x", false);
        }
        ReadModelRows.feedItem(RECENT, "merged", "ada", "org/api", "feat: x", false);
        ReadModelRows.feedItem(LONG_AGO, "commit", "ada", "org/api", "old", false);
        ReadModelRows.feedItem(RECENT.minusSeconds(60), "commit", "linus", "org/web", "one", false);
        ReadModelRows.feedItem(RECENT, "review", "linus", "org/web", "approved: y", false);
        ReadModelRows.feedItem(RECENT, "opened", "linus", "org/web", "feat: y", false);
        ReadModelRows.feedItem(RECENT, "comment", "linus", "org/web", "y", false);
        for (int commit = 0; commit < 5; commit++) {
            ReadModelRows.feedItem(RECENT, "commit", "renovate[bot]", "org/web", "deps", true);
        }
        ReadModelRows.feedItem(RECENT, "ci_failed", "grace", 1, "org/web", "build on main", false, false);
    }

    @Test
    void theLeaderboardScoresEachPeriodByTheRulesLeavingBotsOut() {
        assertJsonEquals(List.of(
                entry(1, "ada", "Ada Lovelace", "https://a/ada", 25, Map.of("pr_merged", 10, "review", 15)),
                entry(2, "linus", "linus", "", 12, Map.of("pr_opened", 5, "review", 5, "comment", 1, "commit", 1))),
                get("/api/leaderboard?period=week"));
        assertJsonEquals(List.of(
                entry(1, "ada", "Ada Lovelace", "https://a/ada", 26, Map.of("pr_merged", 10, "review", 15, "commit", 1)),
                entry(2, "linus", "linus", "", 12, Map.of("pr_opened", 5, "review", 5, "comment", 1, "commit", 1))),
                get("/api/leaderboard?period=all"));
        assertEquals(Json.read(get("/api/leaderboard?period=window")), Json.read(get("/api/leaderboard")));
        given().auth().oauth2("test-viewer-key").get("/api/leaderboard?period=year").then().statusCode(400)
                .body("error", equalTo("bad_request"));
    }

    @Test
    void aRuleChangeAppliesToAllHistoryAndMeetingMinutesScoreOnceTheyArePointed() {
        ReadModelRows.pointRulesChange("point-rules:old", NOW.minus(Duration.ofDays(1)),
                "[{\"event\": \"review\", \"points\": 1}]");
        ReadModelRows.pointRulesChange("point-rules:new", NOW,
                "[{\"event\": \"review\", \"points\": 10, \"description\": \"reviews count double\"},"
                        + " {\"event\": \"meeting_minute\", \"points\": 1}]");
        ReadModelRows.meeting("conferenceRecords/c", "spaces/a", RECENT, RECENT.plus(Duration.ofMinutes(45)), RECENT);
        ReadModelRows.participantSession("conferenceRecords/c/participants/p", "s", RECENT,
                RECENT.plus(Duration.ofMinutes(41)));
        ReadModelRows.meetParticipant("conferenceRecords/c/participants/p", "signed_in", "Ada Lovelace", "users/1");

        assertJsonEquals(List.of(
                entry(1, "ada", "Ada Lovelace", "https://a/ada", 81, Map.of("pr_merged", 10, "review", 30,
                        "meeting_minute", 41)),
                entry(2, "linus", "linus", "", 17, Map.of("pr_opened", 5, "review", 10, "comment", 1, "commit", 1))),
                get("/api/leaderboard?period=week"));
        given().auth().oauth2("test-viewer-key").get("/api/point-rules").then().statusCode(200)
                .body("size()", equalTo(PointRules.DEFAULTS.size()))
                .body("find { it.event == 'review' }.description", equalTo("reviews count double"))
                .body("find { it.event == 'commit' }.points", equalTo(1));
    }

    @Test
    void theMembersAreTheOrganisationsMembersAndEveryoneSeenActing() {
        Instant joined = NOW.minus(Duration.ofDays(300));
        ReadModelRows.orgMember("grace", joined, joined, null);
        ReadModelRows.orgMember("linus", joined, joined, NOW.minus(Duration.ofDays(100)));
        ReadModelRows.orgMember("hopper", joined, joined, null);
        ReadModelRows.orgMember("gone", joined, joined, NOW.minus(Duration.ofDays(1)));
        ReadModelRows.feedItem(NOW.minus(Duration.ofDays(20)), "commit", "grace", "org/api", "fix", false);

        assertJsonEquals(List.of(
                member("ada", "Ada Lovelace", "https://a/ada", "active", RECENT, LONG_AGO, "none"),
                member("linus", "linus", "", "active", RECENT, null, "removed"),
                member("grace", "Grace Hopper", "https://a/grace", "inactive", NOW.minus(Duration.ofDays(20)), joined,
                        "member"),
                member("hopper", "hopper", "", "inactive", null, joined, "member")),
                get("/api/members"));
    }

    private static Map<String, Object> entry(int rank, String login, String name, String avatar, int points,
            Map<String, Integer> breakdown) {
        return Map.of("rank", rank, "login", login, "name", name, "avatar", avatar, "points", points,
                "breakdown", breakdown);
    }

    private static Map<String, Object> member(String login, String name, String avatar, String status,
            Instant lastActive, Instant memberSince, String membership) {
        Map<String, Object> member = new HashMap<>(Map.of("login", login, "name", name, "avatar", avatar,
                "status", status, "membership", membership));
        member.put("last_active", lastActive == null ? null : lastActive.toString());
        member.put("member_since", memberSince == null ? null : memberSince.toString());
        return member;
    }
}
