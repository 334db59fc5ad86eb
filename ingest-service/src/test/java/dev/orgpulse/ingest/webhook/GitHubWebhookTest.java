package dev.orgpulse.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.LogHeaders;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.ingest.delivery.DeliveryOutcomes;
import dev.orgpulse.ingest.support.LogCapture;
import dev.orgpulse.ingest.support.PrometheusCounters;
import dev.orgpulse.ingest.support.SignedDelivery;
import dev.orgpulse.testing.Fixtures;
import dev.orgpulse.testing.GitHubDeliveries;
import dev.orgpulse.testing.InjectKafkaBroker;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.LogWatch;
import dev.orgpulse.testing.ManagementInterface;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class GitHubWebhookTest {

    @InjectKafkaBroker
    KafkaBrokerResource broker;

    @Test
    void appendsASignedPushVerbatimWithTheContractHeaders() {
        SignedDelivery push = SignedDelivery.fixture("push", "payload.json");
        LogWatch log = LogWatch.from(broker);
        Instant sent = Instant.now();

        push.post().then().statusCode(202)
                .body("delivery", equalTo(push.deliveryId()))
                .body("status", equalTo("accepted"));

        ConsumerRecord<String, byte[]> record = single(log.appended());
        assertEquals("github:Codertocat/Hello-World", record.key());
        assertArrayEquals(push.body(), record.value());
        for (String header : List.of(LogHeaders.SOURCE, LogHeaders.EVENT_TYPE, LogHeaders.DELIVERY_ID,
                LogHeaders.RECEIVED_AT, LogHeaders.CONTENT_TYPE, LogHeaders.VERIFIED_BY, LogHeaders.CONTRACT_VERSION)) {
            assertNotNull(record.headers().lastHeader(header), header);
        }
        DeliveryMetadata metadata = DeliveryMetadata.fromHeaders(record.headers());
        assertEquals(Sources.GITHUB, metadata.source());
        assertEquals("push", metadata.eventType());
        assertEquals(push.deliveryId(), metadata.deliveryId());
        assertEquals("application/json", metadata.contentType());
        assertEquals("github-secret-2", metadata.verifiedBy());
        assertEquals(LogHeaders.CURRENT_CONTRACT_VERSION, metadata.contractVersion());
        assertFalse(metadata.receivedAt().isBefore(sent.minusSeconds(1)), metadata.receivedAt() + " before " + sent);
        assertFalse(metadata.receivedAt().isAfter(Instant.now()), metadata.receivedAt() + " is in the future");
    }

    @Test
    void acceptsADeliverySignedWithTheOtherSecretOfTheRotation() {
        SignedDelivery push = SignedDelivery.fixture("push", "payload.json").signedWith(SignedDelivery.RETIRING_SECRET);
        LogWatch log = LogWatch.from(broker);

        push.post().then().statusCode(202);

        assertEquals("github-secret-1", DeliveryMetadata.fromHeaders(single(log.appended()).headers()).verifiedBy());
    }

    @Test
    void appendsAFormEncodedDeliveryAsTheRawForm() {
        String json = new String(Fixtures.github("push", "payload.json"), StandardCharsets.UTF_8);
        byte[] form = ("payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        SignedDelivery push = SignedDelivery.of("push", form).contentType(SignedDelivery.FORM);
        LogWatch log = LogWatch.from(broker);

        push.post().then().statusCode(202).body("delivery", equalTo(push.deliveryId()));

        ConsumerRecord<String, byte[]> record = single(log.appended());
        assertEquals("github:Codertocat/Hello-World", record.key());
        assertArrayEquals(form, record.value());
        assertEquals(SignedDelivery.FORM, DeliveryMetadata.fromHeaders(record.headers()).contentType());
    }

    @Test
    void appendsAPingLikeAnyOtherDelivery() {
        SignedDelivery ping = SignedDelivery.fixture("ping", "payload.json");
        LogWatch log = LogWatch.from(broker);

        ping.post().then().statusCode(202);

        ConsumerRecord<String, byte[]> record = single(log.appended());
        assertEquals("ping", DeliveryMetadata.fromHeaders(record.headers()).eventType());
        assertArrayEquals(ping.body(), record.value());
    }

    /** Read on the event loop chunk by chunk as it arrives: every chunk is kept, in order. */
    @Test
    void appendsALargeStreamedBodyWhole() {
        String commit = "{\"message\":\"" + "x".repeat(1000) + "\"}";
        byte[] body = ("{\"repository\":{\"full_name\":\"Codertocat/Hello-World\"},\"commits\":["
                + String.join(",", Collections.nCopies(2000, commit)) + "]}").getBytes(StandardCharsets.UTF_8);
        SignedDelivery push = SignedDelivery.of("push", body).streamed();
        LogWatch log = LogWatch.from(broker);

        push.post().then().statusCode(202);

        assertArrayEquals(body, single(log.appended()).value());
    }

    @Test
    void acceptsADeliveryThatWaitsForContinue() {
        SignedDelivery push = SignedDelivery.fixture("push", "payload.json").expectingContinue();
        LogWatch log = LogWatch.from(broker);

        push.post().then().statusCode(202).body("delivery", equalTo(push.deliveryId()));

        assertArrayEquals(push.body(), single(log.appended()).value());
    }

    /** The sender gets no answer, but the delivery is logged and counted like any refused one. */
    @Test
    void countsADeliveryCutOffMidBody() {
        SignedDelivery push = SignedDelivery.fixture("push", "payload.json");
        LogWatch log = LogWatch.from(broker);
        double malformed = PrometheusCounters.value("orgpulse_ingest_rejected_total", "source", "github", "reason",
                "malformed");

        try (LogCapture logs = LogCapture.of(DeliveryOutcomes.class)) {
            push.postCutOff(push.body().length / 2);

            await().atMost(Duration.ofSeconds(10)).until(() -> logs.warnings().stream().anyMatch(warning -> warning
                    .contains(push.deliveryId() + " rejected with 400 malformed: body could not be read")));
        }
        assertEquals(malformed + 1, PrometheusCounters.value("orgpulse_ingest_rejected_total", "source", "github",
                "reason", "malformed"));
        log.assertNothingAppended();
    }

    @Test
    void refusesAnUnsignedDelivery() {
        assertRefused(SignedDelivery.fixture("push", "payload.json").without(SignedDelivery.SIGNATURE_HEADER),
                401, "bad_signature");
    }

    @Test
    void refusesADeliverySignedWithAnUnknownSecret() {
        assertRefused(SignedDelivery.fixture("push", "payload.json").signedWith("a-guess"), 401, "bad_signature");
    }

    @Test
    void refusesAnotherBodyUnderAValidSignature() {
        byte[] push = Fixtures.github("push", "payload.json");
        byte[] ping = Fixtures.github("ping", "payload.json");

        assertRefused(SignedDelivery.of("ping", ping).header(SignedDelivery.SIGNATURE_HEADER,
                GitHubDeliveries.signature(SignedDelivery.CURRENT_SECRET, push)), 401, "bad_signature");
    }

    @Test
    void refusesOtherMediaTypes() {
        assertRefused(SignedDelivery.fixture("push", "payload.json").contentType("text/plain"),
                415, "unsupported_media_type");
    }

    @ParameterizedTest
    @ValueSource(strings = { SignedDelivery.EVENT_HEADER, SignedDelivery.DELIVERY_HEADER })
    void refusesASignedDeliveryWithoutItsGitHubHeaders(String header) {
        assertRefused(SignedDelivery.fixture("push", "payload.json").without(header), 400, "malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = { "[{\"repository\":{}}]", "\"push\"", "{\"repository\":", "" })
    void refusesASignedBodyThatIsNotAJsonObject(String body) {
        assertRefused(SignedDelivery.of("push", body.getBytes(StandardCharsets.UTF_8)), 400, "malformed");
    }

    @Test
    void refusesASignedFormWithoutPayload() {
        assertRefused(SignedDelivery.of("push", "hook=1".getBytes(StandardCharsets.US_ASCII))
                .contentType(SignedDelivery.FORM), 400, "malformed");
    }

    @Test
    void answersOnlyPosts() {
        given().get("/webhooks/github").then().statusCode(405).header("Allow", "POST");
    }

    @Test
    void answersAnAcceptedDeliveryWithItsReceiptAsJson() {
        SignedDelivery push = SignedDelivery.fixture("push", "payload.json");

        push.post().then().statusCode(202).contentType("application/json")
                .body("delivery", equalTo(push.deliveryId()), "status", equalTo("accepted"));
    }

    @Test
    void countsAcceptedAndRejectedDeliveries() {
        double accepted = PrometheusCounters.value("orgpulse_ingest_accepted_total", "source", "github", "event", "push");
        double refused = PrometheusCounters.value("orgpulse_ingest_rejected_total", "source", "github", "reason",
                "bad_signature");

        SignedDelivery.fixture("push", "payload.json").post().then().statusCode(202);
        SignedDelivery.fixture("push", "payload.json").signedWith("a-guess").post().then().statusCode(401);

        assertEquals(accepted + 1, PrometheusCounters.value("orgpulse_ingest_accepted_total", "source", "github",
                "event", "push"));
        assertEquals(refused + 1, PrometheusCounters.value("orgpulse_ingest_rejected_total", "source", "github",
                "reason", "bad_signature"));
    }

    @Test
    void isReadyWhileTheBrokerIsUp() {
        ManagementInterface.given().get("/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void keepsHealthAndMetricsOffThePublicPort() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health").then().statusCode(404);
        ManagementInterface.given().get("/metrics").then().statusCode(200);
    }

    private void assertRefused(SignedDelivery delivery, int status, String error) {
        LogWatch log = LogWatch.from(broker);

        delivery.post().then().statusCode(status).contentType("application/json").body("error", equalTo(error));

        log.assertNothingAppended();
    }

    private static ConsumerRecord<String, byte[]> single(List<ConsumerRecord<String, byte[]>> records) {
        assertEquals(1, records.size(), "records appended");
        return records.get(0);
    }
}
