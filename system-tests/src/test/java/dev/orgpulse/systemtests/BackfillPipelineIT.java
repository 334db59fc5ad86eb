package dev.orgpulse.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.testing.GitHubDeliveries;
import dev.orgpulse.testing.github.OrgHistory;

/**
 * A backfill through the packaged services: the ingest service reads an organisation's history from GitHub's API
 * (WireMock, {@link OrgHistory}) while live webhooks have already told its newest facts, and the query service
 * answers with each commit, pull request and review once. Its repositories are its own, and it asserts on answers
 * narrowed to them, but the global commit count it also reads grows: it runs after the system tests that assert
 * exact totals.
 */
@ExtendWith(SharedStack.class)
@Order(Integer.MAX_VALUE)
class BackfillPipelineIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String ORG = "wayne-enterprises";
    private static final String LIVE = "tower";
    private static final String QUIET = "cave";

    private static SystemStack stack;

    @BeforeAll
    static void useTheSharedStack(SystemStack shared) {
        stack = shared;
    }

    @Test
    void aBackfillOverlappingLiveWebhooksCountsEveryCommitPullRequestAndReviewOnce() throws Exception {
        OrgHistory history = new OrgHistory(ORG, List.of(LIVE, QUIET), Instant.now());
        history.serve(stack.github());
        String live = ORG + "/" + LIVE;
        int commitsBefore = stack.viewer().get("/api/stats").then().statusCode(200).extract().path("commits");

        for (Map.Entry<String, JsonNode> webhook : history.liveWebhooks(LIVE).entrySet()) {
            byte[] body = LogJson.MAPPER.writeValueAsBytes(webhook.getValue());
            stack.postGitHub(webhook.getKey(), UUID.randomUUID().toString(), body,
                    GitHubDeliveries.signature(SystemStack.WEBHOOK_SECRET, body)).then().statusCode(202);
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(Map.of("commit", 1L, "opened", 1L, "review", 1L),
                feedKinds(live)));

        long started = System.nanoTime();
        String id = stack.ingestAdmin().contentType("application/json")
                .body("{\"org\":\"" + ORG + "\",\"since\":\"30d\"}")
                .post("/admin/backfills").then().statusCode(202).extract().path("id");
        await().atMost(PATIENCE).untilAsserted(() -> stack.ingestAdmin().get("/admin/backfills/" + id).then()
                .statusCode(200).body("state", equalTo("done")));
        stack.ingestAdmin().get("/admin/backfills/" + id).then()
                .body("repos_done", equalTo(2))
                .body("records_appended", equalTo(2 * OrgHistory.RECORDS_PER_REPOSITORY));
        // a repository's records share its partition and its deployment status comes last: once readers see the
        // deployment, everything the backfill told of the repository is folded
        for (String repository : history.fullNames()) {
            await().atMost(PATIENCE).untilAsserted(() -> stack.viewer().get("/api/events/recent?repo=" + repository)
                    .then().statusCode(200).body("kind", hasItem("deployment")));
        }
        System.out.printf("[figure] backfill of 2 repositories requested -> folded and served: %d ms%n",
                (System.nanoTime() - started) / 1_000_000);

        Map<String, Long> toldOnce = Map.of("commit", 2L, "opened", 2L, "merged", 1L, "review", 2L,
                "issue_opened", 2L, "issue_closed", 1L, "release", 1L, "deployment", 1L);
        for (String repository : history.fullNames()) {
            assertEquals(toldOnce, feedKinds(repository), repository);
        }
        assertEquals(Map.of(1, 1, 2, 1), reviewCountByNumber(live), "review_count of each pull request");
        stack.viewer().get("/api/ci/runs?repo=" + live).then().statusCode(200)
                .body("size()", equalTo(1)).body("conclusion", hasItem("failure"));
        // everything is folded: a figure lower than this is a cache the last change notice has not emptied yet
        await().atMost(PATIENCE).untilAsserted(() -> stack.viewer().get("/api/stats").then()
                .body("commits", equalTo(commitsBefore + 4)));
    }

    /** How many feed items of each kind a repository has, of the kinds a backfill and webhooks both tell. */
    private static Map<String, Long> feedKinds(String repository) {
        List<String> kinds = stack.viewer().get("/api/events/recent?limit=500&repo=" + repository
                + "&kinds=commit,opened,merged,review,issue_opened,issue_closed,release,deployment")
                .then().statusCode(200).extract().path("kind");
        return kinds.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static Map<Integer, Integer> reviewCountByNumber(String repository) {
        List<Map<String, Object>> prs = stack.viewer().get("/api/prs?state=all&repo=" + repository).then()
                .statusCode(200).extract().path("");
        return prs.stream().collect(Collectors.toMap(pr -> (Integer) pr.get("number"),
                pr -> (Integer) pr.get("review_count")));
    }
}
