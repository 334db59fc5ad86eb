package dev.orgpulse.query.readmodel;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.eventlog.ReadModel;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheManager;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The caches in front of the read models, and which of them a change notice empties. */
@ApplicationScoped
public class ReadModelCaches {

    public static final String STATS = "stats";
    public static final String FEED = "feed";
    public static final String CONTRIBUTORS = "contributors";
    public static final String REPOS = "repos";
    public static final String HEATMAP = "heatmap";
    public static final String PULL_REQUESTS = "pull-requests";
    public static final String CI_RUNS = "ci-runs";
    public static final String MEETINGS = "meetings";
    public static final String ATTENDANCE = "attendance";

    private static final Map<ReadModel, Set<String>> CACHES_BY_READ_MODEL = new EnumMap<>(Map.of(
            ReadModel.STATS, Set.of(STATS),
            ReadModel.FEED, Set.of(FEED),
            ReadModel.CONTRIBUTORS, Set.of(CONTRIBUTORS),
            ReadModel.REPOS, Set.of(REPOS),
            ReadModel.HEATMAP, Set.of(HEATMAP),
            // prs_open and prs_merged are part of the stats
            ReadModel.PULL_REQUESTS, Set.of(PULL_REQUESTS, STATS),
            ReadModel.CI_RUNS, Set.of(CI_RUNS),
            // the attendance adds up the meetings' sessions
            ReadModel.MEETINGS, Set.of(MEETINGS, ATTENDANCE)));

    private final CacheManager cacheManager;

    public ReadModelCaches(CacheManager cacheManager) {
        this.cacheManager = cacheManager;
    }

    /** The caches whose answers may differ after the named read models changed, and no others. */
    public static Set<String> cachesOf(Set<ReadModel> changed) {
        Set<String> caches = new TreeSet<>();
        changed.forEach(readModel -> caches.addAll(CACHES_BY_READ_MODEL.getOrDefault(readModel, Set.of())));
        return caches;
    }

    public Uni<Void> invalidate(Set<String> cacheNames) {
        return Multi.createFrom().iterable(cacheNames)
                .onItem().transformToUniAndConcatenate(name -> cacheManager.getCache(name)
                        .map(Cache::invalidateAll)
                        .orElseGet(() -> Uni.createFrom().voidItem()))
                .collect().last()
                .replaceWithVoid();
    }
}
