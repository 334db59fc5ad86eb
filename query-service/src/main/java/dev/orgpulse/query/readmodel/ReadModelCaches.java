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
    public static final String PR_METRICS = "pr-metrics";
    public static final String PR_BOTTLENECKS = "pr-bottlenecks";
    public static final String REVIEWER_LOAD = "reviewer-load";
    public static final String CI_FILTERS = "ci-filters";
    public static final String CI_JOBS = "ci-jobs";
    public static final String CI_SUMMARY = "ci-summary";
    public static final String PROJECTS = "projects";
    public static final String ORG_METRICS = "org-metrics";
    public static final String DORA = "dora";
    public static final String SPOTLIGHTS = "spotlights";
    public static final String PERSON_ACTIVITY = "person-activity";
    public static final String POINT_RULES = "point-rules";
    public static final String LEADERBOARD = "leaderboard";
    public static final String MEMBERS = "members";

    private static final Map<ReadModel, Set<String>> CACHES_BY_READ_MODEL = new EnumMap<>(Map.of(
            // a new commit is counted in the stats: the projects add commits up
            ReadModel.STATS, Set.of(STATS, PROJECTS, ORG_METRICS),
            // deployments' successes and commits (DORA), comments (spotlights) make feed items
            ReadModel.FEED, Set.of(FEED, DORA, SPOTLIGHTS),
            // names and avatars (the leaderboard's too), memberships, first and last activities; a person seen for the
            // first time has an activity page
            ReadModel.CONTRIBUTORS, Set.of(CONTRIBUTORS, LEADERBOARD, MEMBERS, PERSON_ACTIVITY),
            // a repository renamed, deleted or with a new language or size
            ReadModel.REPOS, Set.of(REPOS, PROJECTS, ORG_METRICS, PERSON_ACTIVITY),
            // the hot streaks, a person's days and the leaderboard's counts are the daily activity counts (a commit,
            // with its languages, is one)
            ReadModel.HEATMAP, Set.of(HEATMAP, SPOTLIGHTS, LEADERBOARD, PERSON_ACTIVITY),
            // prs_open and prs_merged are part of the stats, open PRs and churn of the projects, reviews of the
            // spotlights
            ReadModel.PULL_REQUESTS, Set.of(PULL_REQUESTS, STATS, PR_METRICS, PR_BOTTLENECKS, REVIEWER_LOAD, PROJECTS,
                    ORG_METRICS, SPOTLIGHTS),
            ReadModel.CI_RUNS, Set.of(CI_RUNS, CI_FILTERS, CI_JOBS, CI_SUMMARY),
            // the attendance adds up the meetings' sessions; minutes in meetings may score
            ReadModel.MEETINGS, Set.of(MEETINGS, ATTENDANCE, LEADERBOARD),
            ReadModel.POINT_RULES, Set.of(POINT_RULES, LEADERBOARD)));

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

    /** Every cache: the read models switched to another version. */
    public Uni<Void> invalidateAll() {
        return invalidate(Set.copyOf(cacheManager.getCacheNames()));
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
