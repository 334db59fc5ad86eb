package dev.orgpulse.query.api;

import static dev.orgpulse.query.support.ViewerApi.viewer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orgpulse.query.support.ReadModelRows;
import dev.orgpulse.query.support.TestCaches;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.cache.CacheManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The dev=, repo=, author= and reviewer= filters the people and repository pages read with. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "migrations",
        value = "filesystem:../projector-service/src/main/resources/db/migration"))
class PageFiltersApiTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    CacheManager cacheManager;

    @BeforeEach
    void twoPeopleInTwoRepositories() {
        ReadModelRows.clear();
        TestCaches.emptyAll(cacheManager);
        ReadModelRows.feedItem(NOW.minus(Duration.ofHours(3)), "commit", "alice", "org/api", "a1", false);
        ReadModelRows.feedItem(NOW.minus(Duration.ofHours(2)), "commit", "alice", "org/web", "a2", false);
        ReadModelRows.feedItem(NOW.minus(Duration.ofHours(1)), "commit", "bob", "org/web", "b1", false);
        ReadModelRows.dailyActivity(LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(2),
                ReadModelRows.repositoryId("org/api"), "alice", false, 5);
        ReadModelRows.pullRequest("org/web", 1, "bob", false, "open", NOW.minus(Duration.ofHours(5)), null);
        ReadModelRows.pullRequest("org/api", 2, "alice", false, "open", NOW.minus(Duration.ofHours(4)), null);
        ReadModelRows.review("org/web", 1, 10, "alice", "approved", NOW.minus(Duration.ofHours(1)));
        ReadModelRows.ciRun("org/api", 100, 1, "completed", "success", "alice", false, NOW.minus(Duration.ofHours(2)),
                NOW.minus(Duration.ofHours(1)));
        ReadModelRows.ciRun("org/web", 200, 1, "completed", "failure", "bob", false, NOW.minus(Duration.ofHours(2)),
                NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void theFeedNarrowsToAPersonARepositoryOrBoth() {
        viewer().get("/api/events/recent?dev=alice").then().statusCode(200).body("message", contains("a2", "a1"));
        viewer().get("/api/events/recent?repo=org/web").then().body("message", contains("b1", "a2"));
        viewer().get("/api/events/recent?dev=alice&repo=org/web").then().body("message", contains("a2"));
        viewer().get("/api/events/recent?dev=nobody").then().body("$", empty());
        viewer().get("/api/events/recent?dev=").then().body("message", contains("b1", "a2", "a1"));
    }

    @Test
    void theHeatmapAndTopRepositoriesCountOnlyThatPersonOrRepository() {
        String twoDaysAgo = LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(2).toString();
        viewer().get("/api/heatmap?dev=bob").then().body("find { it.date == '" + twoDaysAgo + "' }.count", equalTo(0));
        viewer().get("/api/heatmap?dev=alice").then().body("find { it.date == '" + twoDaysAgo + "' }.count", equalTo(5));
        viewer().get("/api/heatmap?repo=org/web").then().body("find { it.date == '" + twoDaysAgo + "' }.count", equalTo(0));
        viewer().get("/api/repos/top?dev=bob").then().body("repo", contains("org/web")).body("count", contains(1));
    }

    @Test
    void pullRequestsByAuthorReviewerOrRepositoryAndCiRunsByRepository() {
        viewer().get("/api/prs?author=alice").then().body("number", contains(2));
        viewer().get("/api/prs?reviewer=alice").then().body("number", contains(1));
        viewer().get("/api/prs?repo=org/web").then().body("number", contains(1));
        viewer().get("/api/prs?reviewer=bob").then().body("$", empty());
        viewer().get("/api/ci/runs?repo=org/web").then().body("run_id", contains(200));
    }
}
