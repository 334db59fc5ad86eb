package dev.orgpulse.ingest.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.testing.github.OctokitFixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The client against WireMock as GitHub: real recorded pages, and hand-made limits and failures. */
class GitHubApiTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final GitHubApi.Settings SETTINGS = new GitHubApi.Settings(Duration.ofSeconds(5), 4, Duration.ofSeconds(1),
            100);

    private final WireMockServer github = new WireMockServer(wireMockConfig().dynamicPort());
    private final List<Duration> waits = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RateBudget budget = new RateBudget(registry);
    private GitHubApi api;

    @BeforeEach
    void start() {
        github.start();
        api = new GitHubApi(github.baseUrl(), new TokenCredentials("ghp_test"), SETTINGS, budget, waits::add,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        github.stop();
    }

    @Test
    void followsGitHubsRecordedLinkPagesToTheLast() {
        OctokitFixtures.serve(github, "paginate-issues");
        List<Integer> numbers = new ArrayList<>();

        api.forEachPage("/repos/octokit-fixture-org/paginate-issues/issues?per_page=3", page -> {
            page.forEach(issue -> numbers.add(issue.path("number").asInt()));
            return true;
        });

        List<Integer> recorded = new ArrayList<>();
        OctokitFixtures.read("paginate-issues")
                .forEach(exchange -> exchange.path("response").forEach(issue -> recorded.add(issue.path("number").asInt())));
        assertEquals(recorded, numbers);
        assertEquals(5, github.getAllServeEvents().size());
        assertEquals(4999, budget.remaining(), "the budget is read from the answers");
        assertEquals(5.0, registry.counter("orgpulse.github.api.calls").count());
        assertEquals(List.of(), waits, "an ample budget is spent without waiting");
    }

    @Test
    void stopsPagingWhenTheReaderHasEnough() {
        OctokitFixtures.serve(github, "paginate-issues");

        api.forEachPage("/repos/octokit-fixture-org/paginate-issues/issues?per_page=3", page -> false);

        assertEquals(1, github.getAllServeEvents().size());
    }

    @Test
    void waitsForTheResetWhenThePrimaryBudgetIsSpent() {
        Instant reset = NOW.plusSeconds(600);
        github.stubFor(get(urlEqualTo("/orgs/acme")).inScenario("spent").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(403).withHeader("X-RateLimit-Limit", "5000")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", String.valueOf(reset.getEpochSecond()))
                        .withBody("{\"message\":\"API rate limit exceeded for installation ID 1.\"}"))
                .willSetStateTo("reset"));
        github.stubFor(get(urlEqualTo("/orgs/acme")).inScenario("spent").whenScenarioStateIs("reset")
                .willReturn(okJson("{\"login\":\"acme\"}")));

        JsonNode org = api.get("/orgs/acme");

        assertEquals("acme", org.path("login").asText());
        assertEquals(List.of(Duration.ofSeconds(601)), waits, "until the reset, and a second for the clocks");
    }

    @Test
    void graphQlWaitsForTheResetWhenItsBudgetIsSpent() {
        Instant reset = NOW.plusSeconds(300);
        github.stubFor(post(urlEqualTo("/graphql")).inScenario("spent").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"errors\":[{\"type\":\"RATE_LIMITED\",\"message\":\"API rate limit exceeded\"}]}")
                        .withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", String.valueOf(reset.getEpochSecond())))
                .willSetStateTo("reset"));
        github.stubFor(post(urlEqualTo("/graphql")).inScenario("spent").whenScenarioStateIs("reset")
                .willReturn(okJson("{\"data\":{\"viewer\":{\"login\":\"octocat\"}}}")));

        JsonNode data = api.graphQl("query { viewer { login } }", LogJson.MAPPER.createObjectNode());

        assertEquals("octocat", data.path("viewer").path("login").asText());
        assertEquals(List.of(Duration.ofSeconds(301)), waits, "until the reset, and a second for the clocks");
        github.verify(2, postRequestedFor(urlEqualTo("/graphql"))
                .withRequestBody(matchingJsonPath("$.query", equalTo("query { viewer { login } }"))));
    }

    @Test
    void graphQlErrorsWithoutDataFailTheCallAndErrorsBesideDataAreLogged() {
        github.stubFor(post(urlEqualTo("/graphql")).withRequestBody(containing("broken")).willReturn(
                okJson("{\"errors\":[{\"message\":\"Field 'broken' doesn't exist on type 'Query'\"}]}")));
        github.stubFor(post(urlEqualTo("/graphql")).withRequestBody(containing("r1")).willReturn(okJson(
                "{\"data\":{\"r0\":{\"name\":\"a\"},\"r1\":null},\"errors\":[{\"type\":\"NOT_FOUND\"}]}")));

        GitHubApiException failure = assertThrows(GitHubApiException.class,
                () -> api.graphQl("query { broken }", LogJson.MAPPER.createObjectNode()));
        assertTrue(failure.getMessage().contains("doesn't exist"), failure.getMessage());
        JsonNode data = api.graphQl("query { r0: repository { name } r1: repository { name } }",
                LogJson.MAPPER.createObjectNode());
        assertEquals("a", data.path("r0").path("name").asText());
        assertTrue(data.path("r1").isNull());
    }

    @Test
    void graphQlIsBesideRestOnGitHubAndOnAnEnterpriseServer() {
        assertEquals("https://api.github.com/graphql", GitHubApi.graphQlUrl("https://api.github.com"));
        assertEquals("https://ghe.example.com/api/graphql", GitHubApi.graphQlUrl("https://ghe.example.com/api/v3"));
    }

    @Test
    void slowsDownBeforeTheBudgetRunsOutAndStopsAtTheReserve() {
        Instant reset = NOW.plusSeconds(900);
        github.stubFor(get(urlEqualTo("/low")).willReturn(okJson("{}").withHeader("X-RateLimit-Limit", "5000")
                .withHeader("X-RateLimit-Remaining", "400")
                .withHeader("X-RateLimit-Reset", String.valueOf(reset.getEpochSecond()))));
        github.stubFor(get(urlEqualTo("/reserve")).willReturn(okJson("{}").withHeader("X-RateLimit-Limit", "5000")
                .withHeader("X-RateLimit-Remaining", "100")
                .withHeader("X-RateLimit-Reset", String.valueOf(reset.getEpochSecond()))));

        api.get("/low");
        api.get("/reserve");
        api.get("/low");

        assertEquals(List.of(Duration.ofSeconds(901).dividedBy(300), Duration.ofSeconds(901)), waits,
                "in the last tenth the rest is spread until the reset; at the reserve the next call waits for it");
    }

    @Test
    void waitsAsToldBySecondaryRateLimits() {
        github.stubFor(get(urlEqualTo("/orgs/acme/repos")).inScenario("secondary").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                        .withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}"))
                .willSetStateTo("403"));
        github.stubFor(get(urlEqualTo("/orgs/acme/repos")).inScenario("secondary").whenScenarioStateIs("403")
                .willReturn(aResponse().withStatus(403)
                        .withBody("{\"message\":\"You have exceeded a secondary rate limit. Please wait.\"}"))
                .willSetStateTo("ok"));
        github.stubFor(get(urlEqualTo("/orgs/acme/repos")).inScenario("secondary").whenScenarioStateIs("ok")
                .willReturn(okJson("[]")));

        api.get("/orgs/acme/repos");

        assertEquals(List.of(Duration.ofSeconds(7), GitHubApi.SECONDARY_LIMIT_DEFAULT_WAIT), waits,
                "Retry-After when given, else GitHub's advice of a minute");
    }

    @Test
    void retriesServerErrorsWithADoublingBackOff() {
        github.stubFor(get(urlEqualTo("/flaky")).inScenario("502").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("again"));
        github.stubFor(get(urlEqualTo("/flaky")).inScenario("502").whenScenarioStateIs("again")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
        github.stubFor(get(urlEqualTo("/flaky")).inScenario("502").whenScenarioStateIs("ok").willReturn(okJson("[1]")));

        assertEquals(1, api.get("/flaky").get(0).asInt());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits);
    }

    @Test
    void givesUpOnServerErrorsAfterTheLastAttempt() {
        github.stubFor(get(urlEqualTo("/down")).willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));

        GitHubApiException failure = assertThrows(GitHubApiException.class, () -> api.get("/down"));

        assertEquals(502, failure.status());
        assertTrue(failure.getMessage().contains("GET /down answered 502: Bad Gateway"), failure.getMessage());
        github.verify(SETTINGS.maxAttempts(), getRequestedFor(urlPathEqualTo("/down")));
    }

    @Test
    void refusalsAreNotRetried() {
        github.stubFor(get(urlEqualTo("/orgs/nobody")).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\":\"Not Found\"}")));

        GitHubApiException failure = assertThrows(GitHubApiException.class, () -> api.get("/orgs/nobody"));

        assertTrue(failure.notFound());
        github.verify(1, getRequestedFor(urlPathEqualTo("/orgs/nobody")));
        assertEquals(List.of(), waits);
    }
}
