package dev.orgpulse.testing.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * GitHub's REST and GraphQL APIs for an organisation, on WireMock: what the ingest service's recovery and backfill
 * ask for.
 * Tests add the answers they need; until then the hook has no deliveries and redelivery requests are accepted.
 * <p>
 * The configuration it hands out uses the ingest service's property names ({@code orgpulse.github.*}): a Quarkus
 * test resource returns them as they are, a test that starts the packaged service turns them into environment
 * variables.
 */
public final class GitHubStandIn implements AutoCloseable {

    public static final String ORG = "acme";
    public static final long HOOK_ID = 77;
    public static final String TOKEN = "ghp_orgpulse-test-token";

    private final GraphQlStandIn graphQl = new GraphQlStandIn();
    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().extensions(graphQl));

    private GitHubStandIn() {
    }

    public static GitHubStandIn start() {
        GitHubStandIn github = new GitHubStandIn();
        github.server.start();
        github.serveDefaults();
        return github;
    }

    public WireMockServer server() {
        return server;
    }

    /** The repositories its GraphQL API answers for ({@link OrgHistory#serve}). */
    GraphQlStandIn graphQl() {
        return graphQl;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** Calls the service with a token, for {@link #ORG} and its hook {@link #HOOK_ID}. */
    public Map<String, String> tokenConfig() {
        return Map.of(
                "orgpulse.github.api-url", server.baseUrl(),
                "orgpulse.github.token", TOKEN,
                "orgpulse.github.org", ORG,
                "orgpulse.github.hook-id", String.valueOf(HOOK_ID));
    }

    public static String deliveriesPath() {
        return "/orgs/" + ORG + "/hooks/" + HOOK_ID + "/deliveries";
    }

    public static String redeliveryPath(long attempt) {
        return deliveriesPath() + "/" + attempt + "/attempts";
    }

    /** Forgets what tests added and what was asked; the defaults stay. */
    public void reset() {
        server.resetAll();
        serveDefaults();
    }

    private void serveDefaults() {
        server.stubFor(get(urlPathEqualTo(deliveriesPath())).atPriority(10).willReturn(okJson("[]")));
        server.stubFor(post(urlPathMatching(deliveriesPath() + "/[0-9]+/attempts")).atPriority(10)
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json").withBody("{}")));
        server.stubFor(get(urlEqualTo("/rate_limit")).atPriority(10).willReturn(okJson("{}")));
        server.stubFor(post(urlEqualTo("/graphql")).atPriority(10)
                .willReturn(aResponse().withTransformers(GraphQlStandIn.NAME)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
