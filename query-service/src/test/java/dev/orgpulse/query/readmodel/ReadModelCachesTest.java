package dev.orgpulse.query.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.ReadModel;

class ReadModelCachesTest {

    @Test
    void eachReadModelEmptiesOnlyItsOwnCache() {
        assertEquals(Set.of("feed"), ReadModelCaches.cachesOf(Set.of(ReadModel.FEED)));
        assertEquals(Set.of("repos"), ReadModelCaches.cachesOf(Set.of(ReadModel.REPOS)));
        assertEquals(Set.of("contributors", "heatmap"),
                ReadModelCaches.cachesOf(Set.of(ReadModel.CONTRIBUTORS, ReadModel.HEATMAP)));
    }

    @Test
    void changedPullRequestsEmptyTheStatsBecauseTheyCountOpenAndMergedPrs() {
        assertEquals(Set.of("stats"), ReadModelCaches.cachesOf(Set.of(ReadModel.PULL_REQUESTS)));
    }

    @Test
    void everyReadModelHasItsCachesAndNothingChangedEmptiesNothing() {
        assertEquals(Set.of("stats", "feed", "contributors", "repos", "heatmap"),
                ReadModelCaches.cachesOf(EnumSet.allOf(ReadModel.class)));
        assertEquals(Set.of(), ReadModelCaches.cachesOf(Set.of()));
    }
}
