package dev.orgpulse.query.readmodel;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.ReadModel;
import dev.orgpulse.query.stream.ChangeNoticeConsumer;
import dev.orgpulse.query.support.ChangeNotices;
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
class ReadCacheTest {

    @Inject
    CacheManager cacheManager;

    @Inject
    ChangeNoticeConsumer notices;

    @BeforeEach
    void coldCaches() {
        ReadModelRows.clear();
        TestCaches.emptyAll(cacheManager);
        ChangeNotices.awaitListening(notices);
    }

    @Test
    void readsStayCachedUntilANoticeNamesTheirReadModel() {
        ReadModelRows.feedItem(Instant.now().minus(Duration.ofHours(1)), "commit", "alice", "org/api", "one", false);
        commits(1);
        topRepos(1);

        ReadModelRows.feedItem(Instant.now().minus(Duration.ofMinutes(5)), "commit", "bob", "org/web", "two", false);
        commits(1);
        topRepos(1);

        ChangeNotices.publish(Set.of(ReadModel.REPOS));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> topRepos(2));
        commits(1); // the notice named the repos only: the stats are still served from the cache

        ChangeNotices.publish(Set.of(ReadModel.STATS));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> commits(2));
    }

    @Test
    void changedPullRequestsRefreshTheirListAndTheStats() {
        ReadModelRows.pullRequest("org/api", 1, "alice", false, "open", Instant.now(), null);
        prsOpen(1);
        listed("/api/prs?state=open", 1);

        ReadModelRows.pullRequest("org/api", 2, "bob", false, "open", Instant.now(), null);
        prsOpen(1);
        listed("/api/prs?state=open", 1);
        listed("/api/prs?state=all", 2); // cached per argument: this one was not asked for before

        ChangeNotices.publish(Set.of(ReadModel.PULL_REQUESTS));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> prsOpen(2));
        listed("/api/prs?state=open", 2);
    }

    @Test
    void meetingsAndTheirAttendanceStayCachedUntilANoticeNamesTheMeetings() {
        Instant started = Instant.now().minus(Duration.ofHours(1));
        listed("/api/meetings", 0);
        listed("/api/meetings/attendance", 0);
        listed("/api/ci/runs", 0);

        ReadModelRows.meeting("conferenceRecords/c1", "spaces/s1", started, started.plus(Duration.ofMinutes(30)),
                started);
        ReadModelRows.participantSession("conferenceRecords/c1/participants/p1", "s1", started,
                started.plus(Duration.ofMinutes(20)));
        ReadModelRows.ciRun("org/api", 1, 1, "completed", "success", "alice", false, started, started);
        listed("/api/meetings", 0);
        listed("/api/meetings/attendance", 0);

        ChangeNotices.publish(Set.of(ReadModel.CI_RUNS));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> listed("/api/ci/runs", 1));
        // notices are handled in order: this one, naming the CI runs only, has emptied no meeting cache
        listed("/api/meetings", 0);
        listed("/api/meetings/attendance", 0);

        ChangeNotices.publish(Set.of(ReadModel.MEETINGS));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> listed("/api/meetings", 1));
        listed("/api/meetings/attendance", 1);
    }

    @Test
    void pullRequestMetricsRefreshWhenANoticeNamesThePullRequests() {
        Instant opened = Instant.now().minus(Duration.ofHours(2));
        ReadModelRows.pullRequest("org/api", 1, "alice", false, "open", opened, null);
        answers("/api/prs/bottlenecks", "size()", 1);
        answers("/api/prs/metrics?weeks=1", "open", 1);

        ReadModelRows.pullRequest("org/api", 2, "bob", false, "open", opened, null);
        ChangeNotices.publish(Set.of(ReadModel.CI_RUNS));
        answers("/api/ci/summary", "size()", 0);
        answers("/api/prs/bottlenecks", "size()", 1); // a CI notice leaves them cached

        ChangeNotices.publish(Set.of(ReadModel.PULL_REQUESTS));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> answers("/api/prs/bottlenecks", "size()", 2));
        answers("/api/prs/metrics?weeks=1", "open", 2);
    }

    @Test
    void theCiWallRefreshesWhenANoticeNamesTheCiRuns() {
        Instant now = Instant.now();
        ReadModelRows.ciRun("org/api", 1, 1, "completed", "success", "dave", false, now.minusSeconds(60), now);
        answers("/api/ci/summary", "[0].runs", 1);
        given().auth().oauth2("test-viewer-key").get("/api/ci/filters").then().body("actors", hasSize(1));

        ReadModelRows.ciRun("org/api", 2, 1, "completed", "failure", "erin", false, now.minusSeconds(60), now);
        answers("/api/ci/summary", "[0].runs", 1);

        ChangeNotices.publish(Set.of(ReadModel.CI_RUNS));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> answers("/api/ci/summary", "[0].runs", 2));
        given().auth().oauth2("test-viewer-key").get("/api/ci/filters").then().body("actors", hasSize(2));
    }

    @Test
    void projectsRefreshWhenANoticeNamesTheStatsThatCountCommits() {
        ReadModelRows.repository("org/api", "Java", false);
        ReadModelRows.commit("a1", "org/api", "alice", false, Instant.now().minusSeconds(600), true);
        answers("/api/metrics", "commits", 1);

        ReadModelRows.commit("a2", "org/api", "alice", false, Instant.now().minusSeconds(60), true);
        answers("/api/metrics", "commits", 1);

        ChangeNotices.publish(Set.of(ReadModel.STATS));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> answers("/api/metrics", "commits", 2));
        answers("/api/projects/org/api", "commits", 2);
    }

    @Test
    void theLeaderboardRefreshesWhenANoticeNamesThePointRulesAndTheRulesWithIt() {
        ReadModelRows.feedItem(Instant.now().minus(Duration.ofHours(1)), "review", "alice", "org/api", "one", false);
        answers("/api/leaderboard", "[0].points", 5);

        ReadModelRows.pointRulesChange("point-rules:1", Instant.now(), "[{\"event\": \"review\", \"points\": 10}]");
        answers("/api/leaderboard", "[0].points", 5);
        answers("/api/point-rules", "find { it.event == 'review' }.points", 5);

        ChangeNotices.publish(Set.of(ReadModel.POINT_RULES));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> answers("/api/leaderboard", "[0].points", 10));
        answers("/api/point-rules", "find { it.event == 'review' }.points", 10);
    }

    private static void commits(int expected) {
        given().auth().oauth2("test-viewer-key").get("/api/stats").then().statusCode(200).body("commits", equalTo(expected));
    }

    private static void prsOpen(int expected) {
        given().auth().oauth2("test-viewer-key").get("/api/stats").then().statusCode(200).body("prs_open", equalTo(expected));
    }

    private static void topRepos(int expected) {
        listed("/api/repos/top", expected);
    }

    private static void listed(String path, int expected) {
        given().auth().oauth2("test-viewer-key").get(path).then().statusCode(200).body("$", hasSize(expected));
    }

    private static void answers(String path, String field, int expected) {
        given().auth().oauth2("test-viewer-key").get(path).then().statusCode(200).body(field, equalTo(expected));
    }
}
