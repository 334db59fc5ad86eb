package dev.orgpulse.testing.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Every Google endpoint the ingest service talks to, on one WireMock server: the JWKS its Pub/Sub push tokens are
 * checked against ({@link GoogleKeys#publish}), and, once {@link #serveMeetApi() asked to}, the OAuth token endpoint
 * and the Meet REST API under {@value #MEET_API_PATH} with a {@link TestServiceAccount} generated for the run.
 * <p>
 * The configuration it hands out uses the ingest service's property names ({@code orgpulse.pubsub.*},
 * {@code orgpulse.meet.*}): a Quarkus test resource returns them as they are, a test that starts the packaged
 * service turns them into environment variables.
 */
public final class GoogleStandIn implements AutoCloseable {

    public static final String JWKS_PATH = "/oauth2/v3/certs";
    public static final String TOKEN_PATH = "/token";
    public static final String MEET_API_PATH = "/v2";
    /** The Workspace user the enricher acts as. */
    public static final String SUBJECT = "meet-viewer@orgpulse.test";
    /** What the token endpoint hands out, and the only token the Meet API answers to. */
    public static final String ACCESS_TOKEN = "ya29.orgpulse-test-access-token";

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    private TestServiceAccount serviceAccount;
    private Path keyFile;

    private GoogleStandIn() {
    }

    /** Starts the server; it serves nothing until keys are published or the Meet API is served. */
    public static GoogleStandIn start() {
        GoogleStandIn google = new GoogleStandIn();
        google.server.start();
        return google;
    }

    public WireMockServer server() {
        return server;
    }

    /** The settings that make the ingest service check push tokens against the keys published here. */
    public Map<String, String> pubSubConfig() {
        return Map.of("orgpulse.pubsub.jwks-url", server.baseUrl() + JWKS_PATH);
    }

    /**
     * Serves the token endpoint, writes the key file of a service account generated now, and returns the settings
     * that start the Meet enricher against this server. The Meet API answers only what {@link #answerParticipant}
     * says.
     */
    public Map<String, String> serveMeetApi() {
        serviceAccount = TestServiceAccount.generate(server.baseUrl() + TOKEN_PATH);
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson(
                "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        try {
            keyFile = Files.createTempFile("orgpulse-test-service-account", ".json");
            Files.write(keyFile, serviceAccount.keyFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "orgpulse.meet.credentials-file", keyFile.toString(),
                "orgpulse.meet.subject", SUBJECT,
                "orgpulse.meet.api-url", server.baseUrl() + MEET_API_PATH);
    }

    /** The service account whose key file {@link #serveMeetApi()} wrote; {@code null} before. */
    public TestServiceAccount serviceAccount() {
        return serviceAccount;
    }

    /** The Meet API answers so about {@code participant}, only when asked with {@link #ACCESS_TOKEN}. */
    public void answerParticipant(String participant, ResponseDefinitionBuilder answer) {
        server.stubFor(get(urlEqualTo(participantPath(participant)))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(answer));
    }

    /** A 200 with {@code body} as the Meet API sends JSON. */
    public static ResponseDefinitionBuilder json(byte[] body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }

    /** How often the Meet API was asked about {@code participant}. */
    public int participantLookups(String participant) {
        return server.countRequestsMatching(getRequestedFor(urlEqualTo(participantPath(participant))).build()).getCount();
    }

    /** {@code conferenceRecords.participants.get} of {@code participant}, a resource name. */
    public static String participantPath(String participant) {
        return MEET_API_PATH + "/" + participant;
    }

    @Override
    public void close() {
        server.stop();
        try {
            if (keyFile != null) {
                Files.deleteIfExists(keyFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
