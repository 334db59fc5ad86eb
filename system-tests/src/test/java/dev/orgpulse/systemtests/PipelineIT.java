package dev.orgpulse.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.testing.Fixtures;
import dev.orgpulse.testing.GitHubDeliveries;
import dev.orgpulse.testing.GitHubFixtureOutcomes;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The whole pipe as a user runs it: the three packaged services as separate processes on a real broker
 * and a real PostgreSQL. A signed webhook goes in at the ingest service; it comes out of the query
 * service's JSON and its live stream.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

    private static final String WEBHOOK_SECRET = "system-test-secret";
    private static final String ACCESS_KEY = "system-test-access-key";
    private static final String ADMIN_KEY = "system-test-admin-key";

    private static final KafkaBrokerResource broker = new KafkaBrokerResource();
    private static final PostgresDatabaseResource database = new PostgresDatabaseResource();
    private static ServiceProcess projector;
    private static ServiceProcess ingest;
    private static ServiceProcess query;

    @BeforeAll
    static void startTheStack() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.start().get("kafka.bootstrap.servers"));
        database.start().forEach((property, value) -> environment.put(
                property.toUpperCase().replace('.', '_').replace('-', '_'), value));
        environment.put("ORGPULSE_GITHUB_WEBHOOK_SECRETS", "retired-secret," + WEBHOOK_SECRET);
        environment.put("ORGPULSE_ACCESS_KEY", ACCESS_KEY);
        environment.put("ORGPULSE_ADMIN_KEY", ADMIN_KEY);
        // the fixtures are from years ago: a window that reaches them keeps them on the wall
        environment.put("ORGPULSE_WINDOW_DAYS", "36500");
        projector = ServiceProcess.start("projector-service", environment);
        ingest = ServiceProcess.start("ingest-service", environment);
        query = ServiceProcess.start("query-service", environment);
    }

    @AfterAll
    static void stopTheStack() throws Exception {
        for (ServiceProcess service : new ServiceProcess[] { query, ingest, projector }) {
            if (service != null) {
                service.close();
            }
        }
        database.stop();
        broker.stop();
    }

    @Test
    @Order(1)
    void aSignedPushReachesTheJsonApiAndTheLiveStream() throws Exception {
        byte[] push = Fixtures.github("push", "with-new-branch.payload.json");
        try (SseReader stream = new SseReader(query.uri("/api/stream"), ACCESS_KEY)) {
            long posted = System.nanoTime();
            post("push", UUID.randomUUID().toString(), push, GitHubDeliveries.signature(WEBHOOK_SECRET, push))
                    .then().statusCode(202);

            SseReader.Event activity = stream.next("activity", Duration.ofSeconds(20));
            assertNotNull(activity, "no activity event on the open stream");
            assertNotNull(activity.id(), "activity events carry an id");
            assertTrue(activity.data().contains("\"repo\":\"Codertocat/Hello-World\""), activity.data());
            System.out.printf("[figure] webhook accepted -> SSE activity event: %d ms%n",
                    (activity.receivedNanos() - posted) / 1_000_000);
        }

        viewer().get(query.baseUri() + "/api/stats").then().statusCode(200)
                .body("commits", equalTo(1))
                .body("repos_active", equalTo(1))
                .body("people_active", equalTo(1));
        viewer().get(query.baseUri() + "/api/events/recent").then().statusCode(200)
                .body("repo", hasItem("Codertocat/Hello-World"))
                .body("kind", hasItem("commit"));
    }

    @Test
    @Order(2)
    void theSameDeliveryPostedTwiceCountsOnce() {
        byte[] opened = Fixtures.github("pull_request", "opened.payload.json");
        String delivery = UUID.randomUUID().toString();
        String signature = GitHubDeliveries.signature(WEBHOOK_SECRET, opened);
        long recordsBefore = broker.recordCount(Topics.EVENTS);

        post("pull_request", delivery, opened, signature).then().statusCode(202);
        post("pull_request", delivery, opened, signature).then().statusCode(202);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> viewer().get(query.baseUri() + "/api/stats")
                .then().body("prs_open", equalTo(1)));
        viewer().get(query.baseUri() + "/api/events/recent?limit=500").then()
                .body("findAll { it.kind == 'opened' }.size()", equalTo(1));
        // both copies are in the log, which keeps what was delivered; the fold counts it once
        assertEquals(recordsBefore + 2, broker.recordCount(Topics.EVENTS));
    }

    @Test
    @Order(3)
    void aCommitArrivingInASecondPushCountsOnce() {
        // the same commit as the first test's push, delivered again in another push
        byte[] push = Fixtures.github("push", "with-no-username-committer.payload.json");
        post("push", UUID.randomUUID().toString(), push, GitHubDeliveries.signature(WEBHOOK_SECRET, push))
                .then().statusCode(202);
        awaitProjectorCaughtUp();
        viewer().get(query.baseUri() + "/api/stats").then().body("commits", equalTo(1));
    }

    @Test
    @Order(5)
    void everyGitHubFixturePostedSignedIsAcceptedAndFoldedOrIgnoredByItsType() throws Exception {
        Map<String, String> eventTypeByDelivery = new HashMap<>();
        for (String eventType : GitHubFixtureOutcomes.eventTypes()) {
            for (Path file : Fixtures.githubFiles(eventType)) {
                byte[] body = Fixtures.read(file);
                String delivery = UUID.randomUUID().toString();
                post(eventType, delivery, body, GitHubDeliveries.signature(WEBHOOK_SECRET, body))
                        .then().statusCode(202);
                eventTypeByDelivery.put(delivery, eventType);
            }
        }
        awaitProjectorCaughtUp();

        Map<String, Map<String, Long>> outcomes = new HashMap<>();
        try (Connection connection = database.connect();
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
        given().header("Authorization", "Bearer " + ADMIN_KEY).get(projector.baseUri() + "/admin/status")
                .then().body("dead_letters", equalTo(0));
    }

    /** Waits until the projector's checkpoints reach the end of the log. */
    private static void awaitProjectorCaughtUp() {
        long records = broker.recordCount(Topics.EVENTS);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Response status = given().header("Authorization", "Bearer " + ADMIN_KEY)
                    .get(projector.baseUri() + "/admin/status");
            status.then().statusCode(200).body("total_lag", equalTo(0));
            List<Integer> checkpoints = status.path("partitions.checkpoint");
            assertEquals(records, checkpoints.stream().filter(Objects::nonNull).mapToLong(Integer::longValue).sum());
        });
    }

    @Test
    @Order(4)
    void anUnsignedDeliveryIsRefusedAndNeverReachesTheLog() {
        long before = broker.recordCount(Topics.EVENTS);
        byte[] push = Fixtures.github("push", "payload.json");
        given().contentType(ContentType.JSON).header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString()).body(push)
                .post(ingest.baseUri() + "/webhooks/github")
                .then().statusCode(401);
        assertEquals(before, broker.recordCount(Topics.EVENTS));
    }

    private static Response post(String event, String delivery, byte[] body, String signature) {
        return given().contentType(ContentType.JSON)
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", signature)
                .body(body)
                .post(ingest.baseUri() + "/webhooks/github");
    }

    private static io.restassured.specification.RequestSpecification viewer() {
        return given().header("Authorization", "Bearer " + ACCESS_KEY);
    }
}
