package dev.orgpulse.ingest.backfill;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.ingest.github.GitHubApi;
import dev.orgpulse.ingest.github.GitHubConnection;
import dev.orgpulse.ingest.support.GitHubApiResource;
import dev.orgpulse.ingest.support.InjectGitHub;
import dev.orgpulse.testing.InjectKafkaBroker;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.LogWatch;
import dev.orgpulse.testing.github.GitHubStandIn;
import dev.orgpulse.testing.github.OrgHistory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GitHubApiResource.class)
class BackfillTest {

    static final String ADMIN = "Bearer test-admin-key";

    @InjectKafkaBroker
    KafkaBrokerResource broker;

    @InjectGitHub
    GitHubStandIn github;

    @Inject
    GitHubConnection connection;

    @Test
    void appendsEveryRepositorysHistoryAsWebhookShapedRecords() {
        OrgHistory history = new OrgHistory("initech", List.of("api", "web", "docs"), Instant.now());
        history.serve(github);
        LogWatch log = LogWatch.from(broker);

        String id = start("initech", "30d");
        awaitState(id, "done")
                .body("repos_done", equalTo(3))
                .body("repos_total", equalTo(3))
                .body("records_appended", equalTo(3 * OrgHistory.RECORDS_PER_REPOSITORY))
                .body("rate_limit_remaining", equalTo(Integer.parseInt(OrgHistory.RATE_LIMIT_REMAINING)));

        List<LoggedRequest> calls = github.server().findAll(RequestPatternBuilder.allRequests()).stream()
                .filter(call -> call.getUrl().contains("/initech") || call.getBodyAsString().contains("\"initech\""))
                .toList();
        long graphQlCalls = calls.stream().filter(call -> call.getUrl().equals("/graphql")).count();
        long repositoryPages = calls.stream().filter(call -> call.getUrl().startsWith("/orgs/initech/repos")).count();
        long restPerRepository = (calls.size() - graphQlCalls - repositoryPages) / 3;
        assertEquals(1, graphQlCalls, "the commits and pull requests of all three in one query");
        System.out.printf("Backfill figure: %d GitHub API calls for 3 repositories (%s each): %d GraphQL query, %d "
                + "REST calls per repository; per 100 repositories %d (1 page of repositories, 4 queries of 25, "
                + "%d REST calls each)%n", calls.size(), "2 commits, 2 pull requests (1 merged) with a review each, "
                + "2 issues, 1 workflow run with 1 job, 1 release, 1 deployment with 1 status", graphQlCalls,
                restPerRepository, 1 + 4 * graphQlCalls + 100 * restPerRepository, restPerRepository);
        List<ConsumerRecord<String, byte[]>> appended = log.appended();
        assertEquals(3 * OrgHistory.RECORDS_PER_REPOSITORY, appended.size());
        Map<String, Long> byType = appended.stream().map(record -> DeliveryMetadata.fromHeaders(record.headers()))
                .peek(metadata -> assertEquals(Sources.GITHUB_BACKFILL, metadata.source()))
                .collect(Collectors.groupingBy(DeliveryMetadata::eventType, Collectors.counting()));
        assertEquals(Map.of("commits", 3L, "pull_request", 9L, "pull_request_review", 6L, "issues", 9L,
                "workflow_run", 3L, "workflow_job", 3L, "release", 3L, "deployment", 3L, "deployment_status", 3L),
                byType);
        ConsumerRecord<String, byte[]> merged = appended.stream()
                .filter(record -> DeliveryMetadata.fromHeaders(record.headers()).deliveryId()
                        .startsWith("backfill:pull_request:" + history.repositoryId("web") + "#1:closed"))
                .findFirst().orElseThrow();
        assertEquals("github:initech/web", merged.key(), "the key a webhook of the repository gets");
        JsonNode payload = json(merged.value());
        assertEquals("closed", payload.path("action").asText());
        assertEquals("lead-web", payload.path("pull_request").path("merged_by").path("login").asText());
        assertEquals("lead-web", payload.path("sender").path("login").asText());
    }

    @Test
    void aRestartedBackfillAppendsNothingTwice() {
        OrgHistory history = new OrgHistory("umbrella", List.of("alpha", "beta", "gamma"), Instant.now());
        history.serve(github);
        Instant crashedRunStart = Instant.now();
        // what a run killed halfway through beta left: alpha finished and saved, beta's first records appended
        List<BackfillRecord> beta = new ArrayList<>();
        GitHubApi api = connection.forOrg("umbrella").orElseThrow();
        Instant since = crashedRunStart.minus(Duration.ofDays(30));
        JsonNode betaRepository = api.get("/orgs/umbrella/repos?type=all&per_page=100").get(1);
        new BatchedHistory(api, since, beta::add).run(List.of(betaRepository));
        new RepositoryBackfill(api, since, beta::add).run(betaRepository);
        LogWatch log = LogWatch.from(broker);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (BackfillRecord record : beta.subList(0, 5)) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, null, record.key(), bytes(record.payload()),
                        DeliveryMetadata.accepted(Sources.GITHUB_BACKFILL, record.eventType(), record.deliveryId(),
                                crashedRunStart, "application/json", "github-api").toHeaders()));
            }
            BackfillState crashed = BackfillState.requested("crashed-umbrella", "umbrella", since, crashedRunStart)
                    .withRepos(3, crashedRunStart)
                    .repoFinished("umbrella/alpha", OrgHistory.RECORDS_PER_REPOSITORY, crashedRunStart);
            producer.send(new ProducerRecord<>(Topics.BACKFILLS, crashed.id(), bytes(crashed)));
        }

        awaitState("crashed-umbrella", "done")
                .body("repos_done", equalTo(3))
                .body("records_appended", equalTo(3 * OrgHistory.RECORDS_PER_REPOSITORY - 5));

        List<ConsumerRecord<String, byte[]>> appended = log.appended();
        Map<String, Long> perDelivery = appended.stream()
                .collect(Collectors.groupingBy(record -> DeliveryMetadata.fromHeaders(record.headers()).deliveryId(),
                        Collectors.counting()));
        assertTrue(perDelivery.values().stream().allMatch(count -> count == 1), "appended twice: " + perDelivery);
        assertEquals(2 * OrgHistory.RECORDS_PER_REPOSITORY, appended.size(),
                "beta's five from before the crash, then the rest of beta and all of gamma");
        assertTrue(appended.stream().noneMatch(record -> record.key().equals("github:umbrella/alpha")),
                "a finished repository is not read again");
        beta.forEach(record -> assertEquals(1L, perDelivery.get(record.deliveryId()), record.deliveryId()));
    }

    @Test
    void followsGraphQlCursorsAndWaitsOutASpentGraphQlBudget() {
        OrgHistory history = new OrgHistory("hooli", List.of("xyz", "nucleus"), Instant.now())
                .pagingPullRequestsByOne();
        history.serve(github);
        // GraphQL tells a spent budget with 200 and an error; the headers say when it resets
        github.server().stubFor(post(urlEqualTo("/graphql")).withRequestBody(containing("\"hooli\""))
                .inScenario("hooli budget").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("reset")
                .willReturn(okJson("{\"errors\":[{\"type\":\"RATE_LIMITED\",\"message\":\"API rate limit exceeded\"}]}")
                        .withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", String.valueOf(Instant.now().plusSeconds(3).getEpochSecond()))));
        LogWatch log = LogWatch.from(broker);

        String id = start("hooli", "30d");
        awaitState(id, "done").body("records_appended", equalTo(2 * OrgHistory.RECORDS_PER_REPOSITORY));

        assertEquals(2 * OrgHistory.RECORDS_PER_REPOSITORY, log.appended().size());
        // spent, then the first page of both repositories, then their second pull requests
        github.server().verify(3, postRequestedFor(urlEqualTo("/graphql")).withRequestBody(containing("\"hooli\"")));
        github.server().verify(1, postRequestedFor(urlEqualTo("/graphql"))
                .withRequestBody(matchingJsonPath("$.variables.pa0", WireMock.equalTo("1"))));
    }

    @Test
    void aCancelledBackfillStops() {
        OrgHistory history = new OrgHistory("globex", List.of("one", "two"), Instant.now());
        history.serve(github);
        // the second repository's issues take long to come
        github.server().stubFor(get(urlPathEqualTo("/repos/globex/two/issues"))
                .willReturn(okJson("[]").withFixedDelay(8_000)));

        String id = start("globex", "2026-01-01");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> status(id).body("repos_done", equalTo(1)));
        given().header("Authorization", ADMIN).delete("/admin/backfills/" + id).then().statusCode(200)
                .body("state", equalTo("cancelled"));

        awaitState(id, "cancelled").body("repos_done", equalTo(1));
    }

    @Test
    void refusesWhatItCannotDo() {
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"org\":\"acme\",\"since\":\"soon\"}")
                .post("/admin/backfills").then().statusCode(400).body("error", equalTo("bad request"));
        given().header("Authorization", ADMIN).get("/admin/backfills/nope").then().statusCode(404);
        given().contentType("application/json").body("{\"org\":\"acme\",\"since\":\"30d\"}")
                .post("/admin/backfills").then().statusCode(401);
    }

    private static String start(String org, String since) {
        return given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"org\":\"" + org + "\",\"since\":\"" + since + "\"}")
                .post("/admin/backfills").then().statusCode(202).extract().path("id");
    }

    private static ValidatableResponse status(String id) {
        return given().header("Authorization", ADMIN).get("/admin/backfills/" + id).then().statusCode(200);
    }

    private static ValidatableResponse awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> status(id).body("state", equalTo(state)));
        return status(id);
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(Object value) {
        try {
            return LogJson.MAPPER.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(byte[] value) {
        try {
            return LogJson.MAPPER.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
