package dev.orgpulse.ingest.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.orgpulse.ingest.support.SignedDelivery;
import dev.orgpulse.testing.InjectKafkaBroker;
import dev.orgpulse.testing.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Stops its broker, so it runs in an application (and with a broker) of its own. */
@QuarkusTest
@TestProfile(GitHubWebhookBrokerDownTest.OwnBroker.class)
@WithTestResource(KafkaBrokerResource.class)
class GitHubWebhookBrokerDownTest {

    private static final Duration SENDER_PATIENCE = Duration.ofSeconds(10);

    /** The default configuration; a profile of its own only so that no other test class shares this broker. */
    public static class OwnBroker implements QuarkusTestProfile {
    }

    @InjectKafkaBroker
    KafkaBrokerResource broker;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void answers503InTimeForEveryDeliveryWhileTheBrokerIsDown() {
        SignedDelivery.fixture("push", "payload.json").post().then().statusCode(202);

        broker.stopBroker();

        for (int delivery = 1; delivery <= 2; delivery++) {
            long start = System.nanoTime();
            SignedDelivery.fixture("push", "payload.json").post().then()
                    .statusCode(503)
                    .body("error", equalTo("log_unavailable"));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(elapsed.compareTo(SENDER_PATIENCE) < 0, "delivery " + delivery + " answered after " + elapsed);
        }
    }
}
