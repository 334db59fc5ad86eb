package dev.orgpulse.ingest.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.orgpulse.ingest.signing.RsaPemKeys;
import dev.orgpulse.testing.github.TestGitHubApp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A GitHub App's installation tokens: found, cached, renewed before expiry and when refused mid-run. */
class InstallationTokensTest {

    static final String ORG = "acme";
    static final long INSTALLATION = 4242;
    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    private final WireMockServer github = new WireMockServer(wireMockConfig().dynamicPort());
    private final TestGitHubApp app = TestGitHubApp.generate("31337");
    private final MovingClock clock = new MovingClock(START);
    private GitHubApi api;

    @BeforeEach
    void start() throws Exception {
        github.start();
        RateBudget budget = new RateBudget(new SimpleMeterRegistry());
        GitHubApi asApp = new GitHubApi(github.baseUrl(),
                new AppJwt(app.appId(), RsaPemKeys.privateKey(java.nio.file.Files.readString(app.privateKeyFile())),
                        clock),
                GitHubApiTest.SETTINGS, budget, wait -> {
                }, clock);
        api = new GitHubApi(github.baseUrl(), new InstallationTokens(asApp, ORG, clock), GitHubApiTest.SETTINGS,
                budget, wait -> {
                }, clock);
        github.stubFor(get(urlEqualTo("/orgs/" + ORG + "/installation"))
                .willReturn(okJson("{\"id\":" + INSTALLATION + ",\"account\":{\"login\":\"acme\"}}")));
        tokens("ghs_first", "ghs_second", "ghs_third");
        github.stubFor(get(urlEqualTo("/orgs/" + ORG)).withHeader("Authorization", equalTo("Bearer ghs_first"))
                .willReturn(okJson("{\"token\":\"first\"}")));
        github.stubFor(get(urlEqualTo("/orgs/" + ORG)).withHeader("Authorization", equalTo("Bearer ghs_second"))
                .willReturn(okJson("{\"token\":\"second\"}")));
        github.stubFor(get(urlEqualTo("/orgs/" + ORG)).withHeader("Authorization", equalTo("Bearer ghs_third"))
                .willReturn(okJson("{\"token\":\"third\"}")));
    }

    @AfterEach
    void stop() {
        github.stop();
    }

    @Test
    void findsTheInstallationWithASignedAppJwtAndReusesItsToken() throws Exception {
        assertEquals("first", api.get("/orgs/" + ORG).path("token").asText());
        assertEquals("first", api.get("/orgs/" + ORG).path("token").asText());

        github.verify(1, getRequestedFor(urlEqualTo("/orgs/" + ORG + "/installation")));
        github.verify(1, postRequestedFor(urlEqualTo(tokenPath())));
        String jwt = github.findAll(postRequestedFor(urlEqualTo(tokenPath()))).get(0).getHeader("Authorization")
                .substring("Bearer ".length());
        JwtConsumer consumer = new JwtConsumerBuilder().setVerificationKey(app.publicKey())
                .setEvaluationTime(org.jose4j.jwt.NumericDate.fromSeconds(START.getEpochSecond()))
                .setExpectedIssuer(app.appId()).setRequireExpirationTime().setRequireIssuedAt().build();
        JwtClaims claims = consumer.processToClaims(jwt);
        assertEquals(START.minus(AppJwt.BACKDATE).getEpochSecond(), claims.getIssuedAt().getValue());
        assertEquals(START.plus(AppJwt.LIFETIME).getEpochSecond(), claims.getExpirationTime().getValue(),
                "within GitHub's ten minutes");
    }

    @Test
    void renewsTheTokenShortlyBeforeItExpiresMidRun() {
        assertEquals("first", api.get("/orgs/" + ORG).path("token").asText());

        clock.advance(Duration.ofMinutes(55).plusSeconds(1));

        assertEquals("second", api.get("/orgs/" + ORG).path("token").asText(),
                "an hour-long token is replaced five minutes before it runs out");
        github.verify(1, getRequestedFor(urlEqualTo("/orgs/" + ORG + "/installation")));
    }

    @Test
    void renewsATokenGitHubRefusesBeforeItsExpiry() {
        github.stubFor(get(urlEqualTo("/orgs/" + ORG)).withHeader("Authorization", equalTo("Bearer ghs_first"))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}")));

        assertEquals("second", api.get("/orgs/" + ORG).path("token").asText());
        github.verify(2, postRequestedFor(urlEqualTo(tokenPath())));
    }

    private void tokens(String... tokens) {
        String state = Scenario.STARTED;
        for (int i = 0; i < tokens.length; i++) {
            String next = "token " + (i + 1);
            github.stubFor(post(urlEqualTo(tokenPath())).inScenario("tokens").whenScenarioStateIs(state)
                    .willReturn(okJson("{\"token\":\"" + tokens[i] + "\",\"expires_at\":\""
                            + clock.instant().plus(Duration.ofHours(1)) + "\"}"))
                    .willSetStateTo(next));
            state = next;
        }
    }

    private static String tokenPath() {
        return "/app/installations/" + INSTALLATION + "/access_tokens";
    }

    /** A clock a test moves forward. */
    static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

}
