package dev.orgpulse.query.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.ReadModel;

class ReadModelCachesTest {

    @Test
    void eachReadModelEmptiesItsOwnCacheAndTheMetricsMadeOfIt() {
        assertEquals(Set.of("feed", "dora", "spotlights"), ReadModelCaches.cachesOf(Set.of(ReadModel.FEED)));
        assertEquals(Set.of("repos", "projects", "org-metrics", "person-activity"),
                ReadModelCaches.cachesOf(Set.of(ReadModel.REPOS)));
        assertEquals(Set.of("stats", "projects", "org-metrics"), ReadModelCaches.cachesOf(Set.of(ReadModel.STATS)));
        assertEquals(Set.of("contributors", "heatmap", "spotlights", "leaderboard", "members", "person-activity"),
                ReadModelCaches.cachesOf(Set.of(ReadModel.CONTRIBUTORS, ReadModel.HEATMAP)));
        assertEquals(Set.of("ci-runs", "ci-filters", "ci-jobs", "ci-summary"),
                ReadModelCaches.cachesOf(Set.of(ReadModel.CI_RUNS)));
    }

    @Test
    void changedPullRequestsEmptyTheirListTheStatsAndEveryMetricCountingThem() {
        assertEquals(Set.of("pull-requests", "stats", "pr-metrics", "pr-bottlenecks", "reviewer-load", "projects",
                "org-metrics", "spotlights"), ReadModelCaches.cachesOf(Set.of(ReadModel.PULL_REQUESTS)));
    }

    @Test
    void changedMeetingsEmptyTheMeetingsAndTheAttendanceMadeOfThem() {
        assertEquals(Set.of("meetings", "attendance", "leaderboard"), ReadModelCaches.cachesOf(Set.of(ReadModel.MEETINGS)));
    }

    @Test
    void changedPointRulesEmptyTheRulesAndTheLeaderboardScoredByThem() {
        assertEquals(Set.of("point-rules", "leaderboard"), ReadModelCaches.cachesOf(Set.of(ReadModel.POINT_RULES)));
    }

    @Test
    void everyReadModelHasItsCachesAndNothingChangedEmptiesNothing() {
        assertEquals(Set.of("stats", "feed", "contributors", "repos", "heatmap", "pull-requests", "ci-runs", "meetings",
                "attendance", "pr-metrics", "pr-bottlenecks", "reviewer-load", "ci-filters", "ci-jobs", "ci-summary",
                "projects", "org-metrics", "dora", "spotlights", "person-activity", "point-rules", "leaderboard",
                "members"), ReadModelCaches.cachesOf(EnumSet.allOf(ReadModel.class)));
        assertEquals(Set.of(), ReadModelCaches.cachesOf(Set.of()));
    }

    /** A lost notice must not leave an answer stale for good. */
    @Test
    void everyCacheExpiresAtLast() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ReadModelCaches.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        for (String cache : ReadModelCaches.cachesOf(EnumSet.allOf(ReadModel.class))) {
            assertTrue(properties.containsKey("quarkus.cache.caffeine." + cache + ".expire-after-write"), cache);
        }
    }
}
