package dev.orgpulse.ingest.support;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector.AnnotatedAndMatchesType;

/**
 * Every Google endpoint the ingest service talks to, on one WireMock server: the JWKS of {@link GoogleJwksResource},
 * the OAuth token endpoint, and the Meet REST API under {@value #MEET_API_PATH}. It writes a key file for a
 * {@link TestServiceAccount} generated for the run and configures the Meet enricher with it, so the enricher runs
 * in the test application; the token endpoint hands out {@value #ACCESS_TOKEN}. Retries are quick here.
 */
public class GoogleMeetApiResource extends GoogleJwksResource {

    public static final String TOKEN_PATH = "/token";
    public static final String MEET_API_PATH = "/v2";
    public static final String SUBJECT = "meet-viewer@orgpulse.test";
    public static final String ACCESS_TOKEN = "ya29.orgpulse-test-access-token";
    public static final int MAX_ATTEMPTS = 3;
    /** Longer than a call may take (orgpulse.meet.enricher.request-timeout below). */
    public static final int SLOWER_THAN_THE_TIMEOUT_MILLIS = 3_000;

    private TestServiceAccount serviceAccount;
    private Path keyFile;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        serviceAccount = TestServiceAccount.generate(wireMockServer.baseUrl() + TOKEN_PATH);
        wireMockServer.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson(
                "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        try {
            keyFile = Files.createTempFile("orgpulse-test-service-account", ".json");
            Files.write(keyFile, serviceAccount.keyFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("orgpulse.meet.credentials-file", keyFile.toString());
        config.put("orgpulse.meet.subject", SUBJECT);
        config.put("orgpulse.meet.api-url", wireMockServer.baseUrl() + MEET_API_PATH);
        config.put("orgpulse.meet.enricher.max-attempts", String.valueOf(MAX_ATTEMPTS));
        config.put("orgpulse.meet.enricher.initial-backoff", "PT0.1S");
        config.put("orgpulse.meet.enricher.max-backoff", "PT0.4S");
        config.put("orgpulse.meet.enricher.request-timeout", "PT2S");
        return config;
    }

    @Override
    public void stop() {
        super.stop();
        try {
            if (keyFile != null) {
                Files.deleteIfExists(keyFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        super.inject(testInjector);
        testInjector.injectIntoFields(serviceAccount, new AnnotatedAndMatchesType(InjectServiceAccount.class,
                TestServiceAccount.class));
    }
}
