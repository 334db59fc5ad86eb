package dev.orgpulse.ingest.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.LogHeaders;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.ingest.support.GoogleJwksResource;
import dev.orgpulse.ingest.support.InjectWireMock;
import dev.orgpulse.ingest.support.LogCapture;
import dev.orgpulse.ingest.support.PrometheusCounters;
import dev.orgpulse.testing.InjectKafkaBroker;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.LogWatch;
import dev.orgpulse.testing.google.GoogleIdToken;
import dev.orgpulse.testing.google.GoogleKeys;
import dev.orgpulse.testing.google.PubSubDelivery;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GoogleJwksResource.class)
class PubSubPushTest {

    private static final String MEETING = "conference-started.json";
    private static final String SPACE_KEY = "meet:spaces/jQCFfuBOdN5z";

    @InjectKafkaBroker
    KafkaBrokerResource broker;

    @InjectWireMock
    WireMockServer jwks;

    @BeforeEach
    void publishTheCurrentKey() {
        GoogleKeys.publish(jwks, GoogleKeys.CURRENT);
    }

    @ParameterizedTest
    @CsvSource({
            "conference-started.json, google.workspace.meet.conference.v2.started, 11001, " + SPACE_KEY,
            "participant-joined.json, google.workspace.meet.participant.v2.joined, 11002, " + SPACE_KEY,
            "participant-left.json, google.workspace.meet.participant.v2.left, 11003, " + SPACE_KEY,
            "conference-ended.json, google.workspace.meet.conference.v2.ended, 11004, " + SPACE_KEY,
            "subscription-expiration-reminder.json, google.workspace.events.subscription.v1.expirationReminder, 11005, "
                    + "meet:subscriptions/c2VzLXN1Yi0x" })
    void appendsAVerifiedPushVerbatimWithTheContractHeaders(String fixture, String eventType, String messageId,
            String key) {
        PubSubDelivery push = PubSubDelivery.fixture(fixture);
        LogWatch log = LogWatch.from(broker);
        Instant sent = Instant.now();

        push.post().then().statusCode(202)
                .body("delivery", equalTo(messageId))
                .body("status", equalTo("accepted"));

        ConsumerRecord<String, byte[]> record = single(log.appended());
        assertEquals(key, record.key());
        assertArrayEquals(push.body(), record.value());
        DeliveryMetadata metadata = DeliveryMetadata.fromHeaders(record.headers());
        assertEquals(Sources.PUBSUB, metadata.source());
        assertEquals(eventType, metadata.eventType());
        assertEquals(messageId, metadata.deliveryId());
        assertEquals("application/json", metadata.contentType());
        assertEquals("google-oidc:" + GoogleKeys.CURRENT.getKeyId(), metadata.verifiedBy());
        assertEquals(LogHeaders.CURRENT_CONTRACT_VERSION, metadata.contractVersion());
        assertFalse(metadata.receivedAt().isBefore(sent.minusSeconds(1)), metadata.receivedAt() + " before " + sent);
    }

    @Test
    void warnsOperatorsAboutTheSubscriptionOfALifecycleEvent() {
        try (LogCapture logs = LogCapture.of(PubSubIntake.class)) {
            PubSubDelivery.fixture("subscription-expiration-reminder.json").post().then().statusCode(202);

            List<String> warnings = logs.warnings();
            assertEquals(1, warnings.size(), "warnings");
            assertThat(warnings.get(0), allOf(containsString("subscriptions/c2VzLXN1Yi0x"),
                    containsString("google.workspace.events.subscription.v1.expirationReminder")));
        }
    }

    @Test
    void doesNotWarnAboutMeetingEvents() {
        try (LogCapture logs = LogCapture.of(PubSubIntake.class)) {
            PubSubDelivery.fixture(MEETING).post().then().statusCode(202);

            assertEquals(List.of(), logs.warnings());
        }
    }

    @Test
    void acceptsTheIssuerWrittenWithoutScheme() {
        assertAccepted(GoogleIdToken.valid().claim("iss", "accounts.google.com").signedWith(GoogleKeys.CURRENT));
    }

    @Test
    void acceptsAnotherConfiguredServiceAccount() {
        assertAccepted(GoogleIdToken.valid().claim("email", "spare-push@orgpulse-test.iam.gserviceaccount.com")
                .signedWith(GoogleKeys.CURRENT));
    }

    @Test
    void toleratesAMinuteOfClockSkew() {
        Instant now = Instant.now();
        assertAccepted(GoogleIdToken.valid().issuedAt(now.minus(Duration.ofMinutes(59)))
                .expiresAt(now.minusSeconds(30)).signedWith(GoogleKeys.CURRENT));
        assertAccepted(GoogleIdToken.valid().issuedAt(now.plusSeconds(30)).signedWith(GoogleKeys.CURRENT));
    }

    @Test
    void refusesAPushWithoutToken() {
        assertRefused(PubSubDelivery.fixture(MEETING).authorization(null), 401, "invalid_token")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("missing"));
    }

    @Test
    void refusesATokenWithoutSignature() {
        assertInvalidToken(GoogleIdToken.valid().unsigned(GoogleKeys.CURRENT), "alg none");
    }

    @Test
    void refusesAnHmacMadeWithThePublicKey() {
        assertInvalidToken(GoogleIdToken.valid().hmacWithPublicKeyOf(GoogleKeys.CURRENT), "alg HS256");
    }

    @Test
    void refusesATokenSignedWithAnUnknownKey() {
        assertInvalidToken(GoogleIdToken.valid().signedWith(GoogleKeys.UNPUBLISHED), "no key");
    }

    @Test
    void refusesATokenWhoseSignatureIsNotOfTheKeyItNames() {
        assertInvalidToken(GoogleIdToken.valid().signedWith(GoogleKeys.UNPUBLISHED, GoogleKeys.CURRENT.getKeyId()),
                "signature");
    }

    @Test
    void refusesAnExpiredToken() {
        Instant now = Instant.now();
        assertInvalidToken(GoogleIdToken.valid().issuedAt(now.minus(Duration.ofMinutes(50)))
                .expiresAt(now.minus(Duration.ofMinutes(2))).signedWith(GoogleKeys.CURRENT), "expired");
    }

    @Test
    void refusesATokenIssuedInTheFuture() {
        Instant later = Instant.now().plus(Duration.ofMinutes(5));
        assertInvalidToken(GoogleIdToken.valid().issuedAt(later).expiresAt(later.plus(Duration.ofHours(1)))
                .signedWith(GoogleKeys.CURRENT), "issue");
    }

    @Test
    void refusesATokenForAnotherAudience() {
        assertInvalidToken(GoogleIdToken.valid().claim("aud", "https://elsewhere.example.com/push")
                .signedWith(GoogleKeys.CURRENT), "audience");
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        assertInvalidToken(GoogleIdToken.valid().claim("iss", "https://issuer.example.com")
                .signedWith(GoogleKeys.CURRENT), "issued by Google");
    }

    @Test
    void refusesAValidTokenOfAnotherServiceAccount() {
        assertRefused(token(GoogleIdToken.valid().claim("email", "intruder@elsewhere.iam.gserviceaccount.com")
                .signedWith(GoogleKeys.CURRENT)), 403, "forbidden_sender");
    }

    @Test
    void refusesAValidTokenWithAnUnverifiedEmail() {
        assertRefused(token(GoogleIdToken.valid().claim("email_verified", false).signedWith(GoogleKeys.CURRENT)),
                403, "forbidden_sender");
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"message\":", "[]", "not json", "" })
    void refusesABodyThatIsNotAJsonEnvelope(String body) {
        assertRefused(PubSubDelivery.of(body.getBytes(StandardCharsets.UTF_8)), 400, "malformed");
    }

    @Test
    void refusesAMessageWithoutMessageId() {
        assertRefused(PubSubDelivery.editedFixture(MEETING, envelope -> message(envelope).remove("messageId")),
                400, "malformed");
    }

    @Test
    void refusesDataThatIsNotBase64() {
        assertRefused(PubSubDelivery.editedFixture(MEETING, envelope -> message(envelope).put("data", "eyJ%%%")),
                400, "malformed");
    }

    @Test
    void refusesAMessageThatIsNotACloudEvent() {
        assertRefused(PubSubDelivery.editedFixture(MEETING,
                envelope -> ((ObjectNode) message(envelope).get("attributes")).remove("ce-type")), 400, "malformed");
    }

    @Test
    void refusesOtherMediaTypes() {
        assertRefused(PubSubDelivery.fixture(MEETING).contentType("text/plain"), 415, "unsupported_media_type");
    }

    @Test
    void countsAcceptedAndRejectedPushes() {
        String eventType = "google.workspace.meet.conference.v2.started";
        double accepted = PrometheusCounters.value("orgpulse_ingest_accepted_total", "source", "pubsub", "event",
                eventType);
        double refused = PrometheusCounters.value("orgpulse_ingest_rejected_total", "source", "pubsub", "reason",
                "invalid_token");

        PubSubDelivery.fixture(MEETING).post().then().statusCode(202);
        PubSubDelivery.fixture(MEETING).authorization(null).post().then().statusCode(401);

        assertEquals(accepted + 1, PrometheusCounters.value("orgpulse_ingest_accepted_total", "source", "pubsub",
                "event", eventType));
        assertEquals(refused + 1, PrometheusCounters.value("orgpulse_ingest_rejected_total", "source", "pubsub",
                "reason", "invalid_token"));
    }

    /** Refused as an invalid token, and for the reason the test means. */
    private void assertInvalidToken(String token, String because) {
        assertRefused(PubSubDelivery.fixture(MEETING).bearer(token), 401, "invalid_token")
                .body("detail", containsString(because));
    }

    private static PubSubDelivery token(String token) {
        return PubSubDelivery.fixture(MEETING).bearer(token);
    }

    private static ObjectNode message(ObjectNode envelope) {
        return (ObjectNode) envelope.get("message");
    }

    private void assertAccepted(String token) {
        LogWatch log = LogWatch.from(broker);

        PubSubDelivery.fixture(MEETING).bearer(token).post().then().statusCode(202);

        assertEquals(1, log.appended().size(), "records appended");
    }

    private ValidatableResponse assertRefused(PubSubDelivery push, int status, String error) {
        LogWatch log = LogWatch.from(broker);

        ValidatableResponse response = push.post().then().statusCode(status).body("error", equalTo(error));

        log.assertNothingAppended();
        return response;
    }

    private static ConsumerRecord<String, byte[]> single(List<ConsumerRecord<String, byte[]>> records) {
        assertEquals(1, records.size(), "records appended");
        return records.get(0);
    }
}
