package dev.orgpulse.ingest.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector.AnnotatedAndMatchesType;

/**
 * Stands in for Google's JWKS endpoint: a WireMock server whose URL becomes {@code orgpulse.pubsub.jwks-url}.
 * Tests publish their own keys on it ({@link GoogleKeys#publish}) through the server injected with
 * {@link InjectWireMock}, and count how often the service fetched them.
 */
public class GoogleJwksResource implements QuarkusTestResourceLifecycleManager {

    public static final String JWKS_PATH = "/oauth2/v3/certs";

    protected final WireMockServer wireMockServer = new WireMockServer(wireMockConfig().dynamicPort());

    @Override
    public Map<String, String> start() {
        wireMockServer.start();
        return Map.of("orgpulse.pubsub.jwks-url", wireMockServer.baseUrl() + JWKS_PATH);
    }

    @Override
    public void stop() {
        wireMockServer.stop();
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(wireMockServer, new AnnotatedAndMatchesType(InjectWireMock.class,
                WireMockServer.class));
    }
}
