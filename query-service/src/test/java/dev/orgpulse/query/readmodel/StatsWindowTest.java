package dev.orgpulse.query.readmodel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

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

/**
 * {@code /api/stats} counts from the totals the fold keeps (per hour, last activity), and from the feed only the
 * window's first, partial hour: its figures at the window's edge are those of the feed itself.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "migrations",
        value = "filesystem:../projector-service/src/main/resources/db/migration"))
class StatsWindowTest {

    private static final Duration WINDOW = Duration.ofDays(90);

    @Inject
    CacheManager cacheManager;

    @BeforeEach
    void emptyReadModels() {
        ReadModelRows.clear();
        TestCaches.emptyAll(cacheManager);
    }

    @Test
    void theWindowsEdgeCountsToTheMinute() {
        Instant edge = Instant.now().minus(WINDOW);
        ReadModelRows.feedItem(edge.minus(Duration.ofMinutes(10)), "commit", "old", "org/old", "before", false);
        ReadModelRows.feedItem(edge.plus(Duration.ofMinutes(10)), "commit", "ada", "org/api", "just in", false);
        ReadModelRows.feedItem(edge.plus(Duration.ofHours(3)), "commit", "ada", "org/api", "in", false);
        ReadModelRows.feedItem(edge.plus(Duration.ofDays(30)), "review", "bob", "org/web", "in", false);
        ReadModelRows.feedItem(Instant.now().minus(Duration.ofMinutes(1)), "commit", "bot", "org/web", "bot", true);

        given().auth().oauth2("test-viewer-key").get("/api/stats").then().statusCode(200)
                .body("commits", equalTo(2))
                .body("repos_active", equalTo(2))
                .body("people_active", equalTo(2));
    }
}
