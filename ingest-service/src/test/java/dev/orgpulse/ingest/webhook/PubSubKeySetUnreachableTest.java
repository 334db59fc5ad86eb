package dev.orgpulse.ingest.webhook;

import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orgpulse.testing.InjectKafkaBroker;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.LogWatch;
import dev.orgpulse.testing.google.PubSubDelivery;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Google's key endpoint does not answer and no key was ever fetched: no push can be judged yet. */
@QuarkusTest
@TestProfile(PubSubKeySetUnreachableTest.KeySetUnreachable.class)
@WithTestResource(KafkaBrokerResource.class)
class PubSubKeySetUnreachableTest {

    /** The key set's URL points at a port nothing listens on. */
    public static class KeySetUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("orgpulse.pubsub.jwks-url", "http://127.0.0.1:" + closedPort() + "/oauth2/v3/certs");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @InjectKafkaBroker
    KafkaBrokerResource broker;

    @Test
    void answers503SoThatPubSubRetries() {
        LogWatch log = LogWatch.from(broker);

        for (int push = 1; push <= 2; push++) {
            PubSubDelivery.fixture("conference-started.json").post().then()
                    .statusCode(503)
                    .body("error", equalTo("verification_unavailable"));
        }

        log.assertNothingAppended();
    }
}
