package dev.orgpulse.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import dev.orgpulse.testing.github.GitHubStandIn;
import dev.orgpulse.testing.google.GoogleIdToken;
import dev.orgpulse.testing.google.GoogleKeys;
import dev.orgpulse.testing.google.GoogleStandIn;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * OrgPulse as a user runs it: a real broker, a database of its own on the local PostgreSQL, and the three packaged
 * services as separate processes, with WireMock standing in for Google (the keys Pub/Sub push tokens are signed with,
 * the OAuth token endpoint and the Meet API the ingest service's enricher asks) and for GitHub's API (what the
 * ingest service's recovery and backfills read, with a token). Started once for all system tests
 * ({@link SharedStack}): the tests share its log and read models, so each asserts what its own deliveries did.
 */
final class SystemStack implements AutoCloseable {

    static final String WEBHOOK_SECRET = "system-test-secret";
    static final String ACCESS_KEY = "system-test-access-key";
    static final String ADMIN_KEY = "system-test-admin-key";

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final KafkaBrokerResource broker = new KafkaBrokerResource();
    private final PostgresDatabaseResource database = new PostgresDatabaseResource();
    private boolean databaseCreated;
    private GoogleStandIn google;
    private GitHubStandIn github;
    private ServiceProcess projector;
    private ServiceProcess ingest;
    private ServiceProcess query;

    private SystemStack() {
    }

    /** Starts everything, or stops what had started and fails. */
    static SystemStack start() throws Exception {
        SystemStack stack = new SystemStack();
        try {
            stack.startAll();
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.start().get("kafka.bootstrap.servers"));
        environment.putAll(asEnvironment(database.start()));
        databaseCreated = true;
        environment.put("ORGPULSE_GITHUB_WEBHOOK_SECRETS", "retired-secret," + WEBHOOK_SECRET);
        environment.put("ORGPULSE_ACCESS_KEY", ACCESS_KEY);
        environment.put("ORGPULSE_ADMIN_KEY", ADMIN_KEY);
        // the fixtures are from years ago: a window that reaches them keeps them on the wall
        environment.put("ORGPULSE_WINDOW_DAYS", "36500");

        google = GoogleStandIn.start();
        GoogleKeys.publish(google.server(), GoogleKeys.CURRENT);
        Map<String, String> ingestEnvironment = new HashMap<>(environment);
        ingestEnvironment.put("ORGPULSE_PUBSUB_AUDIENCE", GoogleIdToken.AUDIENCE);
        ingestEnvironment.put("ORGPULSE_PUBSUB_SERVICE_ACCOUNTS", GoogleIdToken.SERVICE_ACCOUNT);
        ingestEnvironment.putAll(asEnvironment(google.pubSubConfig()));
        ingestEnvironment.putAll(asEnvironment(google.serveMeetApi()));
        github = GitHubStandIn.start();
        ingestEnvironment.putAll(asEnvironment(github.tokenConfig()));

        projector = ServiceProcess.start("projector-service", environment);
        ingest = ServiceProcess.start("ingest-service", ingestEnvironment);
        query = ServiceProcess.start("query-service", environment);
    }

    /** Configuration properties as the environment variables that set them ({@code orgpulse.meet.api-url} -> {@code ORGPULSE_MEET_API_URL}). */
    static Map<String, String> asEnvironment(Map<String, String> properties) {
        Map<String, String> environment = new HashMap<>();
        properties.forEach((property, value) -> environment.put(
                property.toUpperCase().replace('.', '_').replace('-', '_'), value));
        return environment;
    }

    KafkaBrokerResource broker() {
        return broker;
    }

    PostgresDatabaseResource database() {
        return database;
    }

    GoogleStandIn google() {
        return google;
    }

    GitHubStandIn github() {
        return github;
    }

    ServiceProcess projector() {
        return projector;
    }

    ServiceProcess ingest() {
        return ingest;
    }

    ServiceProcess query() {
        return query;
    }

    /** A request to the query service as a viewer with the access key. */
    RequestSpecification viewer() {
        return given().baseUri(query.baseUri()).header("Authorization", "Bearer " + ACCESS_KEY);
    }

    /** A request to the projector's admin endpoints. */
    RequestSpecification admin() {
        return given().baseUri(projector.baseUri()).header("Authorization", "Bearer " + ADMIN_KEY);
    }

    /** A GitHub webhook delivery posted to the ingest service. */
    Response postGitHub(String event, String delivery, byte[] body, String signature) {
        return given().contentType(ContentType.JSON)
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", signature)
                .body(body)
                .post(ingest.baseUri() + "/webhooks/github");
    }

    /** A request to the ingest service's admin endpoints (recovery, backfills). */
    RequestSpecification ingestAdmin() {
        return given().baseUri(ingest.baseUri()).header("Authorization", "Bearer " + ADMIN_KEY);
    }

    /** Waits until the projector has folded everything the log held when called (and whatever came since). */
    void awaitProjectorCaughtUp() {
        long records = broker.recordCount(Topics.EVENTS);
        await().atMost(PATIENCE).untilAsserted(() -> {
            Response status = admin().get("/admin/status");
            status.then().statusCode(200).body("total_lag", equalTo(0));
            List<Integer> checkpoints = status.path("partitions.checkpoint");
            long folded = checkpoints.stream().filter(Objects::nonNull).mapToLong(Integer::longValue).sum();
            assertTrue(folded >= records, "checkpoints at " + folded + " of " + records + " records");
        });
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (AutoCloseable part : new AutoCloseable[] { query, ingest, projector, google, github }) {
            failure = closeQuietly(part, failure);
        }
        if (databaseCreated) {
            failure = closeQuietly(database::stop, failure);
        }
        failure = closeQuietly(broker::stop, failure);
        if (failure != null) {
            throw failure;
        }
    }

    /** Closes a part (null: nothing to close), keeping the first failure and adding later ones to it. */
    static Exception closeQuietly(AutoCloseable part, Exception earlier) {
        if (part == null) {
            return earlier;
        }
        try {
            part.close();
            return earlier;
        } catch (Exception e) {
            if (earlier == null) {
                return e;
            }
            earlier.addSuppressed(e);
            return earlier;
        }
    }
}
