package dev.orgpulse.ingest.support;

import java.util.HashMap;
import java.util.Map;

import dev.orgpulse.testing.google.GoogleStandIn;
import dev.orgpulse.testing.google.TestServiceAccount;

/**
 * Every Google endpoint the ingest service talks to ({@link GoogleStandIn#serveMeetApi()}): the JWKS of
 * {@link GoogleJwksResource}, the OAuth token endpoint and the Meet REST API, so the Meet enricher runs in the test
 * application with a {@link TestServiceAccount} generated for the run ({@link GoogleStandIn#serviceAccount()} of the
 * stand-in injected with {@link InjectWireMock}). Retries are quick here.
 */
public class GoogleMeetApiResource extends GoogleJwksResource {

    public static final int MAX_ATTEMPTS = 3;
    /** Longer than a call may take (orgpulse.meet.enricher.request-timeout below). */
    public static final int SLOWER_THAN_THE_TIMEOUT_MILLIS = 3_000;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.putAll(google.serveMeetApi());
        config.put("orgpulse.meet.enricher.max-attempts", String.valueOf(MAX_ATTEMPTS));
        config.put("orgpulse.meet.enricher.initial-backoff", "PT0.1S");
        config.put("orgpulse.meet.enricher.max-backoff", "PT0.4S");
        config.put("orgpulse.meet.enricher.request-timeout", "PT2S");
        return config;
    }
}
