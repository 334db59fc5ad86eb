package dev.orgpulse.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.testing.Fixtures;
import dev.orgpulse.testing.GitHubDeliveries;

/**
 * Issue #9's leaderboard and members through the three packaged services: a review posted as GitHub posts it scores
 * on {@code /api/leaderboard}; a point rule change put on the ingest's admin endpoint goes through the log and doubles
 * that past review's points; an organisation member added shows on {@code /api/members}. Ordered before the rebuild's
 * test, whose clean fold then has the rule change and the membership to reproduce.
 */
@ExtendWith(SharedStack.class)
@Order(Integer.MAX_VALUE - 1)
class LeaderboardPipelineIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static SystemStack stack;

    @BeforeAll
    static void useTheSharedStack(SystemStack shared) {
        stack = shared;
    }

    @Test
    void aRuleChangeThroughTheLogRescoresPastReviewsAndAMemberAddedIsListed() throws Exception {
        String reviewer = "reviewer-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode review = (ObjectNode) LogJson.MAPPER.readTree(Fixtures.github("pull_request_review",
                "submitted.payload.json"));
        ((ObjectNode) review.path("review")).put("id", ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50))
                .put("state", "approved");
        ((ObjectNode) review.path("review").path("user")).put("login", reviewer);
        ((ObjectNode) review.path("sender")).put("login", reviewer);
        post("pull_request_review", review);

        await().atMost(PATIENCE).untilAsserted(() -> stack.viewer().get("/api/leaderboard?period=all").then()
                .statusCode(200).body("find { it.login == '" + reviewer + "' }.breakdown.review", equalTo(5)));

        stack.ingestAdmin().contentType("application/json").body("[{\"event\": \"review\", \"points\": 10}]")
                .put("/admin/point-rules").then().statusCode(202);

        await().atMost(PATIENCE).untilAsserted(() -> stack.viewer().get("/api/leaderboard?period=all").then()
                .statusCode(200).body("find { it.login == '" + reviewer + "' }.breakdown.review", equalTo(10)));
        stack.viewer().get("/api/point-rules").then().statusCode(200)
                .body("find { it.event == 'review' }.points", equalTo(10));

        String member = "member-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode added = (ObjectNode) LogJson.MAPPER.readTree(Fixtures.github("organization",
                "member_added.payload.json"));
        ((ObjectNode) added.path("membership").path("user")).put("login", member);
        post("organization", added);

        await().atMost(PATIENCE).untilAsserted(() -> stack.viewer().get("/api/members").then().statusCode(200)
                .body("find { it.login == '" + member + "' }.membership", equalTo("member"))
                .body("find { it.login == '" + member + "' }.status", equalTo("inactive")));
    }

    private static void post(String event, ObjectNode payload) throws Exception {
        byte[] body = LogJson.MAPPER.writeValueAsBytes(payload);
        stack.postGitHub(event, UUID.randomUUID().toString(), body,
                GitHubDeliveries.signature(SystemStack.WEBHOOK_SECRET, body)).then().statusCode(202);
    }
}
