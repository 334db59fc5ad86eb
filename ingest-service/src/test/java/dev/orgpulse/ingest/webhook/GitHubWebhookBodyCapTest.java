package dev.orgpulse.ingest.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.orgpulse.ingest.support.SignedDelivery;
import dev.orgpulse.testing.InjectKafkaBroker;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.LogWatch;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(GitHubWebhookBodyCapTest.SmallBodyCap.class)
@WithTestResource(KafkaBrokerResource.class)
class GitHubWebhookBodyCapTest {

    private static final int CAP = 1024;

    /** A cap smaller than the push fixture, which is about 7 KB. */
    public static class SmallBodyCap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("orgpulse.ingest.max-body-size", String.valueOf(CAP));
        }
    }

    @InjectKafkaBroker
    KafkaBrokerResource broker;

    @Test
    void refusesABodyDeclaredOverTheCap() {
        assertTooLarge(SignedDelivery.fixture("push", "payload.json"));
    }

    /** Larger than what the REST layer buffers before handing over the stream: refused while it streams in. */
    @Test
    void refusesAStreamedBodyOnceItPassesTheCap() {
        assertTooLarge(SignedDelivery.of("push", jsonOfLength(256 * CAP)).streamed());
    }

    @Test
    void acceptsABodyOfExactlyTheCapWhole() {
        SignedDelivery delivery = SignedDelivery.of("push", jsonOfLength(CAP)).streamed();
        LogWatch log = LogWatch.from(broker);

        delivery.post().then().statusCode(202);

        List<ConsumerRecord<String, byte[]>> appended = log.appended();
        assertEquals(1, appended.size());
        assertArrayEquals(delivery.body(), appended.get(0).value());
    }

    private void assertTooLarge(SignedDelivery delivery) {
        LogWatch log = LogWatch.from(broker);

        delivery.post().then().statusCode(413).body("error", equalTo("too_large"));

        log.assertNothingAppended();
    }

    private static byte[] jsonOfLength(int length) {
        String frame = "{\"repository\":{\"full_name\":\"Codertocat/Hello-World\"},\"padding\":\"\"}";
        String json = frame.replace("\"\"}", "\"" + "x".repeat(length - frame.length()) + "\"}");
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
