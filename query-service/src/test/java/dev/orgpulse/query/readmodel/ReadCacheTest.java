package dev.orgpulse.query.readmodel;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.ReadModel;
import dev.orgpulse.query.support.ChangeNotices;
import dev.orgpulse.query.support.ReadModelRows;
import dev.orgpulse.query.support.TestCaches;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.cache.CacheManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "migrations",
        value = "filesystem:../projector-service/src/main/resources/db/migration"))
class ReadCacheTest {

    @Inject
    CacheManager cacheManager;

    @Inject
    KafkaClientService kafka;

    @BeforeEach
    void coldCaches() {
        ReadModelRows.clear();
        TestCaches.emptyAll(cacheManager);
        ChangeNotices.awaitListening(kafka);
    }

    @Test
    void readsStayCachedUntilANoticeNamesTheirReadModel() {
        ReadModelRows.feedItem(Instant.now().minus(Duration.ofHours(1)), "commit", "alice", "org/api", "one", false);
        commits(1);
        topRepos(1);

        ReadModelRows.feedItem(Instant.now().minus(Duration.ofMinutes(5)), "commit", "bob", "org/web", "two", false);
        commits(1);
        topRepos(1);

        ChangeNotices.publish(Set.of(ReadModel.REPOS), List.of());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> topRepos(2));
        commits(1); // the notice named the repos only: the stats are still served from the cache

        ChangeNotices.publish(Set.of(ReadModel.STATS), List.of());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> commits(2));
    }

    @Test
    void changedPullRequestsRefreshTheStats() {
        ReadModelRows.pullRequest("org/api", 1, "alice", false, "open", Instant.now(), null);
        prsOpen(1);

        ReadModelRows.pullRequest("org/api", 2, "bob", false, "open", Instant.now(), null);
        prsOpen(1);

        ChangeNotices.publish(Set.of(ReadModel.PULL_REQUESTS), List.of());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> prsOpen(2));
    }

    private static void commits(int expected) {
        given().auth().oauth2("test-viewer-key").get("/api/stats").then().statusCode(200).body("commits", equalTo(expected));
    }

    private static void prsOpen(int expected) {
        given().auth().oauth2("test-viewer-key").get("/api/stats").then().statusCode(200).body("prs_open", equalTo(expected));
    }

    private static void topRepos(int expected) {
        given().auth().oauth2("test-viewer-key").get("/api/repos/top").then().statusCode(200).body("$", hasSize(expected));
    }
}
