package dev.orgpulse.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.testing.Fixtures;
import dev.orgpulse.testing.GitHubDeliveries;
import dev.orgpulse.testing.GitHubFixtureOutcomes;
import dev.orgpulse.testing.LogWatch;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The whole pipe as a user runs it: the three packaged services as separate processes on a real broker
 * and a real PostgreSQL ({@link SystemStack}). A signed webhook goes in at the ingest service; it comes out of the
 * query service's JSON and its live stream. The stack is shared with the other system tests: those that run before
 * it deliver no GitHub events, so GitHub's read models start empty here, while the log may hold their records
 * ({@link BackfillPipelineIT}, which does, runs last).
 */
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

    private static SystemStack stack;
    private static ServiceProcess ingest;
    private static ServiceProcess query;

    @BeforeAll
    static void useTheSharedStack(SystemStack shared) {
        stack = shared;
        ingest = shared.ingest();
        query = shared.query();
    }

    @Test
    @Order(1)
    void aSignedPushReachesTheJsonApiAndTheLiveStream() throws Exception {
        byte[] push = Fixtures.github("push", "with-new-branch.payload.json");
        try (SseReader stream = new SseReader(query.uri("/api/stream"), SystemStack.ACCESS_KEY)) {
            long posted = System.nanoTime();
            post("push", UUID.randomUUID().toString(), push, GitHubDeliveries.signature(SystemStack.WEBHOOK_SECRET, push))
                    .then().statusCode(202);

            SseReader.Event activity = stream.next("activity", Duration.ofSeconds(20));
            assertNotNull(activity, "no activity event on the open stream");
            assertNotNull(activity.id(), "activity events carry an id");
            assertTrue(activity.data().contains("\"repo\":\"Codertocat/Hello-World\""), activity.data());
            System.out.printf("[figure] webhook accepted -> SSE activity event: %d ms%n",
                    (activity.receivedNanos() - posted) / 1_000_000);
        }

        stack.viewer().get("/api/stats").then().statusCode(200)
                .body("commits", equalTo(1))
                .body("repos_active", equalTo(1))
                .body("people_active", equalTo(1));
        stack.viewer().get("/api/events/recent").then().statusCode(200)
                .body("repo", hasItem("Codertocat/Hello-World"))
                .body("kind", hasItem("commit"));
    }

    @Test
    @Order(2)
    void theSameDeliveryPostedTwiceCountsOnce() throws IOException {
        byte[] opened = Fixtures.github("pull_request", "opened.payload.json");
        String delivery = UUID.randomUUID().toString();
        String signature = GitHubDeliveries.signature(SystemStack.WEBHOOK_SECRET, opened);
        LogWatch log = LogWatch.from(stack.broker());

        post("pull_request", delivery, opened, signature).then().statusCode(202);
        post("pull_request", delivery, opened, signature).then().statusCode(202);
        awaitSeenByReaders();

        stack.viewer().get("/api/stats").then().body("prs_open", equalTo(1));
        stack.viewer().get("/api/events/recent?limit=500").then()
                .body("findAll { it.kind == 'opened' }.size()", equalTo(1));
        // both copies are in the log, which keeps what was delivered; the fold counts it once
        assertEquals(2, log.appended(delivery).size(), "records of the delivery");
    }

    @Test
    @Order(3)
    void aCommitArrivingInASecondPushCountsOnce() throws IOException {
        // the same commit as the first test's push, delivered again in another push
        byte[] push = Fixtures.github("push", "with-no-username-committer.payload.json");
        post("push", UUID.randomUUID().toString(), push, GitHubDeliveries.signature(SystemStack.WEBHOOK_SECRET, push))
                .then().statusCode(202);
        awaitSeenByReaders();
        stack.viewer().get("/api/stats").then().body("commits", equalTo(1));
    }

    @Test
    @Order(5)
    void everyGitHubFixturePostedSignedIsAcceptedAndFoldedOrIgnoredByItsType() throws Exception {
        Map<String, String> eventTypeByDelivery = new HashMap<>();
        for (String eventType : GitHubFixtureOutcomes.eventTypes()) {
            for (Path file : Fixtures.githubFiles(eventType)) {
                byte[] body = Fixtures.read(file);
                String delivery = UUID.randomUUID().toString();
                post(eventType, delivery, body, GitHubDeliveries.signature(SystemStack.WEBHOOK_SECRET, body))
                        .then().statusCode(202);
                eventTypeByDelivery.put(delivery, eventType);
            }
        }
        stack.awaitProjectorCaughtUp();

        Map<String, Map<String, Long>> outcomes = new HashMap<>();
        try (Connection connection = stack.database().connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT delivery_id, outcome FROM processed_delivery WHERE delivery_id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("text", eventTypeByDelivery.keySet().toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    outcomes.computeIfAbsent(eventTypeByDelivery.get(rows.getString(1)), type -> new HashMap<>())
                            .merge(rows.getString(2), 1L, Long::sum);
                }
            }
        }
        for (String eventType : GitHubFixtureOutcomes.eventTypes()) {
            Map<String, Long> expected = new HashMap<>();
            if (GitHubFixtureOutcomes.folded(eventType) > 0) {
                expected.put("folded", (long) GitHubFixtureOutcomes.folded(eventType));
            }
            if (GitHubFixtureOutcomes.ignored(eventType) > 0) {
                expected.put("ignored", (long) GitHubFixtureOutcomes.ignored(eventType));
            }
            assertEquals(expected, outcomes.get(eventType), eventType);
        }
        stack.admin().get("/admin/status").then().body("dead_letters", equalTo(0));
    }

    @Test
    @Order(4)
    void anUnsignedDeliveryIsRefusedAndNeverReachesTheLog() {
        LogWatch log = LogWatch.from(stack.broker());
        String delivery = UUID.randomUUID().toString();
        byte[] push = Fixtures.github("push", "payload.json");
        given().contentType(ContentType.JSON).header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", delivery).body(push)
                .post(ingest.baseUri() + "/webhooks/github")
                .then().statusCode(401);
        assertEquals(List.of(), log.appended(delivery));
    }

    @Test
    @Order(6)
    void aPushedCommitGivesItsAuthorTheLanguagesOfItsFilesAndItsRepositoryItsSize() throws IOException {
        long repositoryId = 770_000_000L + (System.nanoTime() & 0xffff);
        String repository = "activity-org/languages-" + repositoryId;
        String login = "linguist-" + repositoryId;
        Instant committedAt = Instant.now();
        String today = committedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        ObjectNode push = (ObjectNode) LogJson.MAPPER.readTree(Fixtures.github("push", "with-new-branch.payload.json"));
        ((ObjectNode) push.get("repository")).put("id", repositoryId).put("full_name", repository)
                .put("name", repository.substring(repository.indexOf('/') + 1)).put("size", 4096)
                .put("language", "Java");
        ObjectNode commit = (ObjectNode) push.withArray("commits").get(0);
        commit.put("id", UUID.randomUUID().toString().replace("-", "") + "00000000")
                .put("timestamp", committedAt.toString());
        ((ObjectNode) commit.get("author")).put("username", login);
        commit.putArray("added").add("src/main/java/dev/example/Search.java").add("README.md");
        commit.putArray("modified").add("web/src/search.tsx").add("node_modules/left-pad/index.js");
        byte[] body = LogJson.MAPPER.writeValueAsBytes(push);

        post("push", UUID.randomUUID().toString(), body, GitHubDeliveries.signature(SystemStack.WEBHOOK_SECRET, body))
                .then().statusCode(202);

        Map<String, Object> activity = Map.of("ok", true, "activity", Map.of("version", 1, "window_days", 36500,
                "days", Map.of(today, Map.of("repos", List.of(repository), "languages", List.of("Java", "TypeScript"))),
                "repo_days", Map.of(repository, List.of(today)),
                "language_days", Map.of("Java", List.of(today), "TypeScript", List.of(today))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(activity, stack.viewer()
                .get("/api/people/" + login + "/activity").then().statusCode(200).extract().path("")));
        stack.viewer().get("/api/projects/" + repository).then().statusCode(200)
                .body("size_kb", equalTo(4096)).body("primary_language", equalTo("Java"));
        stack.viewer().get("/api/people/nobody-" + repositoryId + "/activity").then().statusCode(404)
                .body("error", equalTo("not_found"));
    }

    /**
     * Waits until what was posted before is what readers see: a comment with a title of its own is posted on the
     * same repository (so the same partition, folded after everything posted before it) and awaited in the feed
     * the query service serves. Its change notice has emptied the caches by then, so a figure read afterwards
     * is computed from everything posted before — a stale cache cannot hide a second count.
     */
    private static void awaitSeenByReaders() throws IOException {
        String title = "reader marker " + UUID.randomUUID();
        ObjectNode comment = (ObjectNode) LogJson.MAPPER.readTree(Fixtures.github("issue_comment", "created.payload.json"));
        ((ObjectNode) comment.get("issue")).put("title", title);
        ((ObjectNode) comment.get("comment")).put("id", Math.abs(UUID.randomUUID().getMostSignificantBits()))
                .put("created_at", Instant.now().toString());
        byte[] body = LogJson.MAPPER.writeValueAsBytes(comment);
        post("issue_comment", UUID.randomUUID().toString(), body, GitHubDeliveries.signature(SystemStack.WEBHOOK_SECRET,
                body)).then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> stack.viewer().get("/api/events/recent?limit=500")
                .then().statusCode(200).body("message", hasItem(title)));
    }

    private static Response post(String event, String delivery, byte[] body, String signature) {
        return stack.postGitHub(event, delivery, body, signature);
    }
}
