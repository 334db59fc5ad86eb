package dev.orgpulse.ingest.webhook;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.ingest.support.GoogleJwksResource;
import dev.orgpulse.ingest.support.InjectWireMock;
import dev.orgpulse.testing.InjectKafkaBroker;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.LogWatch;
import dev.orgpulse.testing.google.GoogleIdToken;
import dev.orgpulse.testing.google.GoogleKeys;
import dev.orgpulse.testing.google.PubSubDelivery;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Google rotates its signing keys: the service follows without a restart, but never hammers the key endpoint. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GoogleJwksResource.class)
class PubSubKeyRotationTest {

    /** orgpulse.pubsub.jwks-min-refresh-interval in the test profile (application.properties). */
    private static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(2);

    @InjectKafkaBroker
    KafkaBrokerResource broker;

    @InjectWireMock
    WireMockServer jwks;

    @Test
    void acceptsATokenSignedWithANewlyPublishedKey() {
        GoogleKeys.publish(jwks, GoogleKeys.CURRENT);
        PubSubDelivery.fixture("conference-started.json").post().then().statusCode(202);

        GoogleKeys.publish(jwks, GoogleKeys.CURRENT, GoogleKeys.ROTATED);
        PubSubDelivery push = PubSubDelivery.fixture("participant-joined.json")
                .bearer(GoogleIdToken.valid().signedWith(GoogleKeys.ROTATED));
        LogWatch log = LogWatch.from(broker);

        // the key set was fetched moments ago: the new key is looked for once the refresh interval has passed
        await().atMost(MIN_REFRESH_INTERVAL.multipliedBy(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> push.post().statusCode() == 202);

        List<ConsumerRecord<String, byte[]>> appended = log.appended();
        assertEquals(1, appended.size(), "records appended");
        assertEquals("google-oidc:" + GoogleKeys.ROTATED.getKeyId(),
                DeliveryMetadata.fromHeaders(appended.get(0).headers()).verifiedBy());
    }

    @Test
    void fetchesTheKeySetAtABoundedRateHoweverManyUnknownKeysAreNamed() {
        GoogleKeys.publish(jwks, GoogleKeys.CURRENT);
        int tokens = 40;
        LogWatch log = LogWatch.from(broker);
        jwks.resetRequests();
        long start = System.nanoTime();

        for (int token = 0; token < tokens; token++) {
            PubSubDelivery.fixture("conference-started.json")
                    .bearer(GoogleIdToken.valid().signedWith(GoogleKeys.UNPUBLISHED, "forged-key-" + token))
                    .post().then().statusCode(401).body("error", equalTo("invalid_token"));
        }

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long allowed = 1 + elapsed.toMillis() / MIN_REFRESH_INTERVAL.toMillis();
        int fetches = GoogleKeys.fetches(jwks);
        assertTrue(fetches <= allowed,
                tokens + " unknown keys in " + elapsed + " caused " + fetches + " fetches; at most " + allowed);
        log.assertNothingAppended();
    }
}
