package dev.orgpulse.ingest.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.orgpulse.ingest.support.GoogleJwksResource;
import dev.orgpulse.ingest.support.InjectWireMock;
import dev.orgpulse.ingest.support.SignedDelivery;
import dev.orgpulse.testing.InjectKafkaBroker;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.google.GoogleKeys;
import dev.orgpulse.testing.google.PubSubDelivery;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Stops its broker, so it runs in an application (and with a broker) of its own. */
@QuarkusTest
@TestProfile(BrokerDownTest.OwnBroker.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GoogleJwksResource.class)
class BrokerDownTest {

    private static final Duration SENDER_PATIENCE = Duration.ofSeconds(10);

    /** The default configuration; a profile of its own only so that no other test class shares this broker. */
    public static class OwnBroker implements QuarkusTestProfile {
    }

    @InjectKafkaBroker
    KafkaBrokerResource broker;

    @InjectWireMock
    WireMockServer jwks;

    @BeforeEach
    void publishTheCurrentKey() {
        GoogleKeys.publish(jwks, GoogleKeys.CURRENT);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void answers503InTimeForEveryDeliveryWhileTheBrokerIsDown() {
        List<Supplier<Response>> senders = List.of(
                () -> SignedDelivery.fixture("push", "payload.json").post(),
                () -> PubSubDelivery.fixture("conference-started.json").post());
        senders.forEach(send -> send.get().then().statusCode(202));

        broker.stopBroker();

        for (int round = 1; round <= 2; round++) {
            for (Supplier<Response> send : senders) {
                long start = System.nanoTime();
                send.get().then()
                        .statusCode(503)
                        .body("error", equalTo("log_unavailable"));
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(elapsed.compareTo(SENDER_PATIENCE) < 0, "round " + round + " answered after " + elapsed);
            }
        }
    }
}
