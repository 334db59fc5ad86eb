package dev.orgpulse.query.api;

import static dev.orgpulse.query.support.Json.assertJsonEquals;
import static dev.orgpulse.query.support.ViewerApi.get;
import static dev.orgpulse.query.support.ViewerApi.notFound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

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
 * The metrics endpoints over hand-written read-model rows, with exact figures. Pull requests, commits and deployments
 * happen in last ISO week (from its Monday, so always in the past and in a two-week range whatever day the test runs),
 * CI runs and activity in the last minutes and days.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "migrations",
        value = "filesystem:../projector-service/src/main/resources/db/migration"))
class AnalyticsApiTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    /** Monday 00:00 UTC of last week. */
    private static final Instant LAST_WEEK = TODAY.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .minusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    @Inject
    CacheManager cacheManager;

    @BeforeEach
    void readModels() {
        ReadModelRows.clear();
        TestCaches.emptyAll(cacheManager);
        ReadModelRows.repository("org/api", "Java", 2048L, false);
        ReadModelRows.repository("org/web", "TypeScript", false);
        ReadModelRows.repository("org/gone", "Go", true);
    }

    @Test
    void pullRequestMetricsCountTheRangeByIsoWeek() {
        pullRequests();

        assertJsonEquals(Map.of("open", 2, "merged", 1, "closed", 1,
                "time_to_first_review_s", spread(14_400, 14_400, 1), "time_to_merge_s", spread(86_400, 86_400, 1),
                "weeks", List.of(
                        week(LAST_WEEK, Map.of("opened", 4, "merged", 1, "closed", 1, "additions", 30, "deletions", 10)),
                        week(LAST_WEEK.plus(Duration.ofDays(7)),
                                Map.of("opened", 0, "merged", 0, "closed", 0, "additions", 0, "deletions", 0))),
                "types", Map.of("feature", 1, "fix", 1, "refactor", 0, "chore", 0, "docs", 0, "other", 2)),
                get("/api/prs/metrics?weeks=2"));
        JsonNode web = Json.read(get("/api/prs/metrics?weeks=2&repo=org/web"));
        assertEquals(List.of(0, 0, 1), List.of(web.path("open").asInt(), web.path("merged").asInt(),
                web.path("closed").asInt()));
    }

    @Test
    void bottlenecksAreTheOpenReadyPullRequestsLongestWaitingFirstAndReviewersCarryTheirLoad() {
        pullRequests();

        JsonNode bottlenecks = Json.read(get("/api/prs/bottlenecks"));
        assertEquals(1, bottlenecks.size());
        JsonNode waiting = bottlenecks.get(0);
        assertEquals(List.of("org/api", "2", "alice", "https://github.com/org/api/pull/2",
                "first_review", hoursAfterLastMonday(48).toString(), "critical"),
                List.of(waiting.path("repo").asText(), waiting.path("number").asText(), waiting.path("author").asText(),
                        waiting.path("url").asText(), waiting.path("waiting_for").asText(),
                        Instant.parse(waiting.path("since").asText()).toString(), waiting.path("severity").asText()));
        long waited = Duration.between(hoursAfterLastMonday(48), Instant.now()).toSeconds();
        assertTrue(Math.abs(waiting.path("waiting_s").asLong() - waited) < 60, waiting.toString());

        assertJsonEquals(List.of(
                load("carol", 1, 0, null),
                load("bob", 0, 1, 14_400L)), get("/api/reviewers/load"));
    }

    @Test
    void theCiWallFiltersRunsListsTheFiltersJobsAndSumsUpEachWorkflow() {
        ciRuns();

        assertEquals(List.of("11/2"), runs("/api/ci/runs?repo=org/api&conclusion=success"));
        assertEquals(List.of("12/1"), runs("/api/ci/runs?workflow=lint"));
        assertEquals(List.of("13/1"), runs("/api/ci/runs?actor=dave&status=in_progress"));
        assertEquals(List.of("13/1", "11/2", "11/1"), runs("/api/ci/runs?branch=main&limit=5"));
        assertEquals(List.of("13/1"), runs("/api/ci/runs?branch=main&limit=1"));
        assertJsonEquals(Map.of("repos", List.of("org/api", "org/web"), "workflows", List.of("build", "lint"),
                "branches", List.of("feature/x", "main"), "actors", List.of("dave", "erin"),
                "statuses", List.of("completed", "in_progress"), "conclusions", List.of("failure", "success")),
                get("/api/ci/filters"));

        JsonNode jobs = Json.read(get("/api/ci/runs/11/jobs"));
        assertEquals(List.of("102", "101"), jobs.findValuesAsText("job_id"));
        assertEquals(List.of("success", "failure"), jobs.findValuesAsText("conclusion"));
        assertEquals(List.of("60", "90"), jobs.findValuesAsText("duration_seconds"));
        notFound("/api/ci/runs/999/jobs");

        assertJsonEquals(List.of(
                summary("org/api", "build", 2, 1.0, 120, 240, "success", 1),
                summary("org/web", "lint", 1, 1.0, 60, 60, "success", 0)), get("/api/ci/summary"));
        assertJsonEquals(List.of(summary("org/web", "lint", 1, 1.0, 60, 60, "success", 0)),
                get("/api/ci/summary?repo=org/web"));
    }

    @Test
    void projectsAddUpTheirCommitsAndMergedPullRequests() {
        pullRequests();
        commits();

        Map<String, Object> api = project("org/api", 4, 3, hoursAfterLastMonday(1), hoursAfterLastMonday(72), 4260,
                40, "Java", 2048L, 2, 2);
        assertJsonEquals(List.of(api,
                project("org/web", 1, 1, hoursAfterLastMonday(48), hoursAfterLastMonday(48), 0, 0, "TypeScript", null,
                        0, 1)),
                get("/api/projects"));
        assertJsonEquals(api, get("/api/projects/org/api"));
        notFound("/api/projects/org/nope");
        notFound("/api/projects/org/gone");
        assertJsonEquals(Map.of("projects", 2, "commits", 5, "active_days", 4, "churn", 40,
                "languages", Map.of("Java", 1, "TypeScript", 1)), get("/api/metrics"));
    }

    @Test
    void aPersonsActivityTellsTheRepositoriesAndLanguagesOfEachDayInTheWindow() {
        LocalDate yesterday = TODAY.minusDays(1);
        ReadModelRows.person("alice", "Alice", null, false);
        ReadModelRows.dailyActivity(yesterday, ReadModelRows.repositoryId("org/api"), "alice", false, 2);
        ReadModelRows.dailyActivity(TODAY, ReadModelRows.repositoryId("org/web"), "alice", false, 1);
        ReadModelRows.dailyActivity(TODAY.minusDays(90), ReadModelRows.repositoryId("org/api"), "alice", false, 1);
        ReadModelRows.dailyActivity(TODAY, ReadModelRows.repositoryId("org/api"), "bob", false, 1);
        ReadModelRows.commit("a1", "org/api", "alice", false, yesterday.atTime(10, 0).toInstant(ZoneOffset.UTC), true,
                List.of("Java"));
        ReadModelRows.commit("a2", "org/web", "alice", false, NOW, true, List.of("CSS", "TypeScript"));
        ReadModelRows.commit("a3", "org/web", "alice", false, NOW, false, List.of());
        ReadModelRows.commit("a4", "org/api", "alice", false, NOW.minus(Duration.ofDays(91)), true, List.of("Go"));
        ReadModelRows.commit("b1", "org/api", "bob", false, NOW, true, List.of("Rust"));

        assertJsonEquals(Map.of("ok", true, "activity", Map.of("version", 1, "window_days", 90,
                "days", Map.of(
                        yesterday.toString(), Map.of("repos", List.of("org/api"), "languages", List.of("Java")),
                        TODAY.toString(), Map.of("repos", List.of("org/web"), "languages", List.of("CSS", "TypeScript"))),
                "repo_days", Map.of("org/api", List.of(yesterday.toString()), "org/web", List.of(TODAY.toString())),
                "language_days", Map.of("CSS", List.of(TODAY.toString()), "Java", List.of(yesterday.toString()),
                        "TypeScript", List.of(TODAY.toString())))), get("/api/people/alice/activity"));
        List<String> days = new ArrayList<>();
        Json.read(get("/api/people/alice/activity")).path("activity").path("days").fieldNames().forEachRemaining(days::add);
        assertEquals(List.of(yesterday.toString(), TODAY.toString()), days, "days in calendar order");
        notFound("/api/people/nobody/activity");
    }

    @Test
    void doraKeysComeFromTheProductionDeploymentsAndTheDefaultBranchCommits() {
        commits();
        // fails at 12:00 on Tuesday, a new deployment succeeds at 12:45: restored in 45 minutes
        ReadModelRows.deployment(1, "org/api", "production", hoursAfterLastMonday(35));
        ReadModelRows.deploymentStatus(1, 1, "in_progress", hoursAfterLastMonday(35));
        ReadModelRows.deploymentStatus(2, 1, "failure", hoursAfterLastMonday(36));
        ReadModelRows.deployment(2, "org/api", "production", hoursAfterLastMonday(36));
        ReadModelRows.deploymentStatus(3, 2, "success", hoursAfterLastMonday(36).plus(Duration.ofMinutes(45)));
        ReadModelRows.deployment(3, "org/api", "production", hoursAfterLastMonday(96));
        ReadModelRows.deploymentStatus(4, 3, "success", hoursAfterLastMonday(96));
        ReadModelRows.deployment(4, "org/web", "staging", hoursAfterLastMonday(60));
        ReadModelRows.deploymentStatus(5, 4, "success", hoursAfterLastMonday(60));

        // lead times: from Monday 01:00 to Tuesday 12:45 (35 h 45 min), from Thursday 00:00 to Friday 00:00 (24 h)
        assertJsonEquals(Map.of("deployment_frequency_per_week", 1.0,
                "lead_time_s", spread(86_400, 128_700, 2), "change_failure_rate", 1.0 / 3,
                "time_to_restore_s", spread(2700, 2700, 1),
                "weeks", List.of(week(LAST_WEEK, Map.of("deployments", 2, "failures", 1)),
                        week(LAST_WEEK.plus(Duration.ofDays(7)), Map.of("deployments", 0, "failures", 0)))),
                get("/api/dora?weeks=2"));
        JsonNode staging = Json.read(get("/api/dora?weeks=2&environment=staging"));
        assertEquals(List.of("0.5", "0.0", "43200"), List.of(staging.path("deployment_frequency_per_week").asText(),
                staging.path("change_failure_rate").asText(), staging.path("lead_time_s").path("p50").asText()));
    }

    @Test
    void spotlightsShowStreaksFastestReviewersAndTopCommenters() {
        pullRequests();
        long api = ReadModelRows.repositoryId("org/api");
        for (int daysAgo = 0; daysAgo < 3; daysAgo++) {
            ReadModelRows.dailyActivity(TODAY.minusDays(daysAgo), api, "alice", false, 2);
        }
        ReadModelRows.dailyActivity(TODAY.minusDays(1), api, "bob", false, 1);
        ReadModelRows.dailyActivity(TODAY.minusDays(3), api, "dave", false, 1);
        ReadModelRows.dailyActivity(TODAY, api, "renovate[bot]", true, 9);
        Instant hourAgo = NOW.minus(Duration.ofHours(1));
        ReadModelRows.feedItem(hourAgo, "comment", "carol", api, "org/api", "one", false, false);
        ReadModelRows.feedItem(hourAgo, "comment", "carol", api, "org/api", "two", false, false);
        ReadModelRows.feedItem(hourAgo, "review_comment", "bob", api, "org/api", "nit", false, false);
        ReadModelRows.feedItem(hourAgo, "commit", "alice", api, "org/api", "not a comment", false, false);

        assertJsonEquals(Map.of(
                "hot_streaks", List.of(Map.of("login", "alice", "days", 3), Map.of("login", "bob", "days", 1)),
                "fastest_reviewers", List.of(Map.of("login", "bob", "median_first_response_s", 14_400, "reviews", 1)),
                "top_commenters", List.of(Map.of("login", "carol", "comments", 2), Map.of("login", "bob", "comments", 1))),
                get("/api/spotlights"));
    }

    /**
     * Last week in org/api: #1 opened Monday 10:00, approved by bob 14:00, merged Tuesday 10:00; #2 opened Wednesday,
     * waiting for carol; #4 a draft. In org/web #3 closed unmerged. In the deleted org/gone #5 still "open".
     */
    private static void pullRequests() {
        ReadModelRows.pullRequest("org/api", 1, "feat", "alice", "merged", false, hoursAfterLastMonday(10),
                hoursAfterLastMonday(34), hoursAfterLastMonday(34), 30, 10);
        ReadModelRows.review("org/api", 1, 1, "alice", "commented", hoursAfterLastMonday(11));
        ReadModelRows.review("org/api", 1, 2, "bob", "approved", hoursAfterLastMonday(14));
        ReadModelRows.pullRequest("org/api", 2, "other", "alice", "open", false, hoursAfterLastMonday(48), null, null,
                5, 0, "carol");
        ReadModelRows.pullRequest("org/web", 3, "fix", "erin", "closed", false, hoursAfterLastMonday(72), null,
                hoursAfterLastMonday(73), 1, 1);
        ReadModelRows.pullRequest("org/api", 4, "test", "dave", "open", true, hoursAfterLastMonday(96), null, null,
                null, null, "carol");
        ReadModelRows.pullRequest("org/gone", 5, "fix", "erin", "open", false, hoursAfterLastMonday(1), null, null,
                null, null, "carol");
    }

    /** Runs of the last minutes: #11 failed then passed on a re-run, #12 lint passed, #13 still building. */
    private static void ciRuns() {
        ReadModelRows.ciRun("org/api", "build", "main", 11, 1, "completed", "failure", "dave", false,
                NOW.minus(Duration.ofMinutes(9)), NOW.minus(Duration.ofMinutes(5)));
        ReadModelRows.ciRun("org/api", "build", "main", 11, 2, "completed", "success", "dave", false,
                NOW.minus(Duration.ofMinutes(4)), NOW.minus(Duration.ofMinutes(2)));
        ReadModelRows.ciRun("org/web", "lint", "feature/x", 12, 1, "completed", "success", "erin", false,
                NOW.minus(Duration.ofMinutes(10)), NOW.minus(Duration.ofMinutes(9)));
        ReadModelRows.ciRun("org/api", "build", "main", 13, 1, "in_progress", null, "dave", false,
                NOW.minus(Duration.ofMinutes(1)), NOW);
        ReadModelRows.ciRun("org/api", "build", "main", 14, 1, "completed", "success", "renovate[bot]", true,
                NOW.minus(Duration.ofMinutes(1)), NOW);
        ReadModelRows.ciJob("org/api", 101, 11, 1, "test", "failure", NOW.minus(Duration.ofMinutes(9)),
                NOW.minus(Duration.ofMinutes(7)).minus(Duration.ofSeconds(30)));
        ReadModelRows.ciJob("org/api", 102, 11, 2, "test", "success", NOW.minus(Duration.ofMinutes(4)),
                NOW.minus(Duration.ofMinutes(3)));
    }

    /** org/api: Monday 01:00, Tuesday 02:00 and 03:00, Thursday 00:00; org/web: Wednesday, and a bot's. */
    private static void commits() {
        ReadModelRows.commit("c1", "org/api", "alice", false, hoursAfterLastMonday(1), true);
        ReadModelRows.commit("c2", "org/api", "bob", false, hoursAfterLastMonday(26), true);
        ReadModelRows.commit("c3", "org/api", "alice", false, hoursAfterLastMonday(27), true);
        ReadModelRows.commit("c5", "org/api", "alice", false, hoursAfterLastMonday(72), true);
        ReadModelRows.commit("c4", "org/web", "erin", false, hoursAfterLastMonday(48), true);
        ReadModelRows.commit("c6", "org/web", "renovate[bot]", true, hoursAfterLastMonday(48), true);
    }

    private static Instant hoursAfterLastMonday(int hours) {
        return LAST_WEEK.plus(Duration.ofHours(hours));
    }

    private static Map<String, Object> spread(long p50, long p90, int n) {
        return Map.of("p50", p50, "p90", p90, "n", n);
    }

    private static Map<String, Object> week(Instant monday, Map<String, Object> figures) {
        LocalDate day = LocalDate.ofInstant(monday, ZoneOffset.UTC);
        Map<String, Object> week = new HashMap<>(figures);
        week.put("week", "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        return week;
    }

    private static Map<String, Object> load(String login, long pending, long reviews, Long median) {
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("login", login);
        load.put("pending_requests", pending);
        load.put("reviews", reviews);
        load.put("median_first_response_s", median);
        return load;
    }

    private static Map<String, Object> summary(String repo, String workflow, long runs, double successRate, long p50,
            long p90, String last, long reruns) {
        return Map.of("repo", repo, "workflow", workflow, "runs", runs, "success_rate", successRate,
                "p50_duration_s", p50, "p90_duration_s", p90, "last_conclusion", last, "reruns", reruns);
    }

    private static Map<String, Object> project(String repo, long commits, long activeDays, Instant first, Instant last,
            long lifespanMin, long churn, String language, Long sizeKb, long openPrs, long contributors) {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("repo", repo);
        project.put("commits", commits);
        project.put("active_days", activeDays);
        project.put("first_commit", first.toString());
        project.put("last_commit", last.toString());
        project.put("lifespan_min", lifespanMin);
        project.put("churn", churn);
        project.put("primary_language", language);
        project.put("size_kb", sizeKb);
        project.put("open_prs", openPrs);
        project.put("contributors", contributors);
        return project;
    }

    private static List<String> runs(String path) {
        return StreamSupport.stream(Json.read(get(path)).spliterator(), false)
                .map(run -> run.path("run_id").asText() + "/" + run.path("attempt").asText()).toList();
    }
}
