package dev.orgpulse.ingest.support;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.orgpulse.testing.google.GoogleKeys;
import dev.orgpulse.testing.google.GoogleStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector.AnnotatedAndMatchesType;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for Google's JWKS endpoint: a {@link GoogleStandIn} whose key set URL becomes
 * {@code orgpulse.pubsub.jwks-url}. Tests publish their own keys on it ({@link GoogleKeys#publish}) through the
 * server (or the stand-in) injected with {@link InjectWireMock}, and count how often the service fetched them.
 */
public class GoogleJwksResource implements QuarkusTestResourceLifecycleManager {

    protected GoogleStandIn google;

    @Override
    public Map<String, String> start() {
        google = GoogleStandIn.start();
        return google.pubSubConfig();
    }

    @Override
    public void stop() {
        if (google != null) {
            google.close();
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(google.server(), new AnnotatedAndMatchesType(InjectWireMock.class,
                WireMockServer.class));
        testInjector.injectIntoFields(google, new AnnotatedAndMatchesType(InjectWireMock.class, GoogleStandIn.class));
    }
}
