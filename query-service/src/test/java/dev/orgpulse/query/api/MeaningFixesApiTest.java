package dev.orgpulse.query.api;

import static dev.orgpulse.query.support.ViewerApi.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

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
 * The meanings issue #9 fixes on the way: a draft waits for review from when it was marked ready, open pull requests
 * of deleted repositories are not open, the feed can be asked for some kinds only.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "migrations",
        value = "filesystem:../projector-service/src/main/resources/db/migration"))
class MeaningFixesApiTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    /** Monday 00:00 UTC of last week: always in the past and in a two-week range. */
    private static final Instant LAST_WEEK = LocalDate.ofInstant(NOW, ZoneOffset.UTC)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1).atStartOfDay(ZoneOffset.UTC)
            .toInstant();

    @Inject
    CacheManager cacheManager;

    @BeforeEach
    void readModels() {
        ReadModelRows.clear();
        TestCaches.emptyAll(cacheManager);
    }

    /** The example: opened Monday 09:00 as a draft, ready 10:00, reviewed 14:00, merged Tuesday 10:00. */
    @Test
    void aDraftWaitsForItsFirstReviewFromWhenItWasMarkedReady() {
        long docs = ReadModelRows.repositoryId("org/docs");
        ReadModelRows.pullRequest("org/docs", 6, "docs", "alice", "merged", false, hoursAfterLastMonday(9),
                hoursAfterLastMonday(34), hoursAfterLastMonday(34), 3, 1);
        ReadModelRows.feedFact("pr-ready:" + docs + "#6:" + hoursAfterLastMonday(10), "ready_for_review",
                hoursAfterLastMonday(10), "alice", "org/docs");
        // another pull request whose number starts alike is not this one
        ReadModelRows.feedFact("pr-ready:" + docs + "#61:" + hoursAfterLastMonday(1), "ready_for_review",
                hoursAfterLastMonday(1), "alice", "org/docs");
        ReadModelRows.review("org/docs", 6, 7, "bob", "approved", hoursAfterLastMonday(14));

        JsonNode metrics = Json.read(get("/api/prs/metrics?weeks=2&repo=org/docs"));

        assertEquals(List.of(4 * 3600, 25 * 3600), List.of(metrics.at("/time_to_first_review_s/p50").asInt(),
                metrics.at("/time_to_merge_s/p50").asInt()));
    }

    @Test
    void pullRequestsOfDeletedRepositoriesAreNotOpenInTheStats() {
        ReadModelRows.repository("org/api", "Java", false);
        ReadModelRows.repository("org/gone", "Go", true);
        ReadModelRows.pullRequest("org/api", 1, "alice", false, "open", NOW.minus(Duration.ofDays(1)), null);
        ReadModelRows.pullRequest("org/gone", 2, "alice", false, "open", NOW.minus(Duration.ofDays(1)), null);

        assertEquals(1, Json.read(get("/api/stats")).path("prs_open").asInt());
    }

    @Test
    void recentEventsCanBeLimitedToSomeKinds() {
        long api = ReadModelRows.repositoryId("org/api");
        ReadModelRows.feedItem(NOW.minus(Duration.ofMinutes(3)), "commit", "alice", api, "org/api", "c", false, true);
        ReadModelRows.feedItem(NOW.minus(Duration.ofMinutes(2)), "merged", "alice", api, "org/api", "m", false, true);
        ReadModelRows.feedItem(NOW.minus(Duration.ofMinutes(1)), "ci_failed", "bob", api, "org/api", "f", false, false);

        assertEquals(List.of("merged", "commit"),
                Json.read(get("/api/events/recent?kinds=merged,commit,nothing")).findValuesAsText("kind"));
        assertEquals(List.of("ci_failed", "merged", "commit"),
                Json.read(get("/api/events/recent?kinds=")).findValuesAsText("kind"));
    }

    private static Instant hoursAfterLastMonday(int hours) {
        return LAST_WEEK.plus(Duration.ofHours(hours));
    }
}
