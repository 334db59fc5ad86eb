package dev.orgpulse.ingest.enrich;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.LogHeaders;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.ingest.support.ConsumerGroupProgress;
import dev.orgpulse.ingest.support.GoogleMeetApiResource;
import dev.orgpulse.ingest.support.InjectWireMock;
import dev.orgpulse.ingest.support.LogCapture;
import dev.orgpulse.ingest.support.SignedDelivery;
import dev.orgpulse.testing.Fixtures;
import dev.orgpulse.testing.InjectKafkaBroker;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.LogWatch;
import dev.orgpulse.testing.google.GoogleKeys;
import dev.orgpulse.testing.google.GoogleStandIn;
import dev.orgpulse.testing.google.MeetParticipantPush;
import dev.orgpulse.testing.google.PubSubDelivery;
import dev.orgpulse.testing.google.TestServiceAccount;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Meet enricher against a real broker, with WireMock as Google (token endpoint and Meet API): participant
 * events come in through /webhooks/pubsub as Pub/Sub would push them.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GoogleMeetApiResource.class)
class MeetEnricherTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @InjectKafkaBroker
    KafkaBrokerResource broker;

    @InjectWireMock
    GoogleStandIn google;

    @BeforeEach
    void startFromASettledLog() {
        GoogleKeys.publish(google.server(), GoogleKeys.CURRENT);
        ConsumerGroupProgress.awaitCaughtUp(broker, MeetEnricher.GROUP_ID);
    }

    @Test
    void appendsTheMeetApiAnswerAsReceivedUnderTheMeetingsKey() {
        byte[] answer = Fixtures.pubsub("meet-api-participant.json");
        google.answerParticipant(MeetParticipantPush.FIXTURE_PARTICIPANT, GoogleStandIn.json(answer));
        PubSubDelivery push = PubSubDelivery.fixture("participant-joined.json");
        LogWatch log = LogWatch.from(broker);
        Instant sent = Instant.now();

        push.post().then().statusCode(202);

        ConsumerRecord<String, byte[]> enrichment = awaitEnrichment(log, MeetParticipantPush.FIXTURE_PARTICIPANT);
        assertEquals(MeetParticipantPush.SPACE_KEY, enrichment.key());
        assertArrayEquals(answer, enrichment.value());
        DeliveryMetadata metadata = DeliveryMetadata.fromHeaders(enrichment.headers());
        assertEquals(Sources.MEET_API, metadata.source());
        assertEquals("google.workspace.meet.participant.v2.resolved", metadata.eventType());
        assertEquals("meet-api:" + MeetParticipantPush.FIXTURE_PARTICIPANT, metadata.deliveryId());
        assertEquals("application/json", metadata.contentType());
        assertEquals("meet-api", metadata.verifiedBy());
        assertEquals(LogHeaders.CURRENT_CONTRACT_VERSION, metadata.contractVersion());
        assertFalse(metadata.receivedAt().isBefore(sent.minusSeconds(1)), metadata.receivedAt() + " before " + sent);

        ConsumerRecord<String, byte[]> event = log.appended(push.messageId()).get(0);
        assertEquals(event.partition(), enrichment.partition(), "in the meeting's partition");
        assertTrue(enrichment.offset() > event.offset(), "after the event it resolves");
    }

    @Test
    void asksForTheTokenWithAnAssertionSignedByTheServiceAccountOnBehalfOfTheSubject() throws Exception {
        resolve(MeetParticipantPush.newParticipant());

        List<LoggedRequest> tokenRequests = google.server().findAll(postRequestedFor(urlEqualTo(GoogleStandIn.TOKEN_PATH)));
        assertFalse(tokenRequests.isEmpty(), "token requests");
        for (LoggedRequest request : tokenRequests) {
            Map<String, String> form = form(request.getBodyAsString());
            assertEquals("urn:ietf:params:oauth:grant-type:jwt-bearer", form.get("grant_type"));
            JwtContext assertion = new JwtConsumerBuilder()
                    .setVerificationKey(google.serviceAccount().publicKey())
                    .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.RSA_USING_SHA256))
                    .setExpectedIssuer(TestServiceAccount.CLIENT_EMAIL)
                    .setExpectedSubject(GoogleStandIn.SUBJECT)
                    .setExpectedAudience(google.serviceAccount().tokenUri())
                    .setRequireIssuedAt()
                    .setRequireExpirationTime()
                    .build()
                    .process(form.get("assertion"));
            JwtClaims claims = assertion.getJwtClaims();
            assertEquals("https://www.googleapis.com/auth/meetings.space.readonly", claims.getStringClaimValue("scope"));
            long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
            assertTrue(lifetime > 0 && lifetime <= 3600, "an assertion lives at most an hour, not " + lifetime + " s");
            assertEquals(TestServiceAccount.KEY_ID, assertion.getJoseObjects().get(0).getKeyIdHeaderValue());
        }
    }

    @Test
    void reusesTheAccessTokenForTheNextParticipants() {
        resolve(MeetParticipantPush.newParticipant());
        resolve(MeetParticipantPush.newParticipant());

        assertEquals(1, google.server().countRequestsMatching(postRequestedFor(urlEqualTo(GoogleStandIn.TOKEN_PATH))
                .build()).getCount(), "token requests since the service started");
    }

    @Test
    void looksUpEachParticipantOnceHoweverManyEventsNameIt() {
        String participant = MeetParticipantPush.newParticipant();
        google.answerParticipant(participant, GoogleStandIn.json(MeetParticipantPush.apiAnswer(participant)));
        LogWatch log = LogWatch.from(broker);

        MeetParticipantPush.joined(participant).post().then().statusCode(202);
        MeetParticipantPush.left(participant).post().then().statusCode(202);
        MeetParticipantPush.joined(participant).post().then().statusCode(202);
        ConsumerGroupProgress.awaitCaughtUp(broker, MeetEnricher.GROUP_ID);

        assertEquals(1, google.participantLookups(participant), "Meet API calls");
        assertEquals(1, enrichments(log, participant).size(), "enrichment records");
    }

    @Test
    void appendsNothingForAParticipantTheApiDoesNotKnow() {
        String participant = MeetParticipantPush.newParticipant();
        google.answerParticipant(participant, aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\",\"status\":\"NOT_FOUND\"}}"));
        LogWatch log = LogWatch.from(broker);

        try (LogCapture logs = LogCapture.of(ParticipantEnrichment.class)) {
            MeetParticipantPush.joined(participant).post().then().statusCode(202);
            ConsumerGroupProgress.awaitCaughtUp(broker, MeetEnricher.GROUP_ID);

            assertEquals(1, google.participantLookups(participant), "a participant not found is not asked for again");
            assertEquals(List.of(), enrichments(log, participant));
            assertThat(logs.warnings(), hasItem(allOf(containsString("meet-api:" + participant), containsString("404"))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "503", "429", "too slow" })
    void retriesWhileGoogleCannotAnswer(String firstAnswer) {
        String participant = MeetParticipantPush.newParticipant();
        byte[] answer = MeetParticipantPush.apiAnswer(participant);
        ResponseDefinitionBuilder failure = firstAnswer.equals("too slow")
                ? GoogleStandIn.json(answer).withFixedDelay(GoogleMeetApiResource.SLOWER_THAN_THE_TIMEOUT_MILLIS)
                : aResponse().withStatus(Integer.parseInt(firstAnswer));
        google.server().stubFor(get(urlEqualTo(GoogleStandIn.participantPath(participant))).inScenario(participant).whenScenarioStateIs(STARTED)
                .willReturn(failure).willSetStateTo("recovered"));
        google.server().stubFor(get(urlEqualTo(GoogleStandIn.participantPath(participant))).inScenario(participant).whenScenarioStateIs("recovered")
                .willReturn(GoogleStandIn.json(answer)));
        LogWatch log = LogWatch.from(broker);

        MeetParticipantPush.joined(participant).post().then().statusCode(202);

        assertArrayEquals(answer, awaitEnrichment(log, participant).value());
        ConsumerGroupProgress.awaitCaughtUp(broker, MeetEnricher.GROUP_ID);
        assertEquals(2, google.participantLookups(participant), "Meet API calls");
        assertEquals(1, enrichments(log, participant).size(), "enrichment records");
    }

    @Test
    void givesUpOnAParticipantAfterTheLastAttemptAndMovesOn() {
        String unavailable = MeetParticipantPush.newParticipant();
        String next = MeetParticipantPush.newParticipant();
        google.answerParticipant(unavailable, aResponse().withStatus(503));
        google.answerParticipant(next, GoogleStandIn.json(MeetParticipantPush.apiAnswer(next)));
        LogWatch log = LogWatch.from(broker);

        try (LogCapture logs = LogCapture.of(ParticipantEnrichment.class)) {
            MeetParticipantPush.joined(unavailable).post().then().statusCode(202);
            MeetParticipantPush.joined(next).post().then().statusCode(202);

            // the same meeting, so the same partition: the next participant is only resolved once it was given up
            awaitEnrichment(log, next);
            ConsumerGroupProgress.awaitCaughtUp(broker, MeetEnricher.GROUP_ID);
            assertEquals(GoogleMeetApiResource.MAX_ATTEMPTS, google.participantLookups(unavailable), "Meet API calls");
            assertEquals(List.of(), enrichments(log, unavailable));
            assertThat(logs.errors(), hasItem(allOf(containsString("meet-api:" + unavailable), containsString("503"))));
        }
    }

    @Test
    void leavesEveryOtherEventAlone() {
        int callsBefore = allApiCalls();
        LogWatch log = LogWatch.from(broker);

        PubSubDelivery.fixture("conference-started.json").post().then().statusCode(202);
        PubSubDelivery.fixture("subscription-expiration-reminder.json").post().then().statusCode(202);
        SignedDelivery.fixture("push", "payload.json").post().then().statusCode(202);
        ConsumerGroupProgress.awaitCaughtUp(broker, MeetEnricher.GROUP_ID);

        assertEquals(callsBefore, allApiCalls(), "Meet API calls");
        assertEquals(3, log.appended().size(), "records: the three deliveries only");
    }

    /** Has the API know {@code participant} and waits for the enricher to resolve it. */
    private void resolve(String participant) {
        google.answerParticipant(participant, GoogleStandIn.json(MeetParticipantPush.apiAnswer(participant)));
        LogWatch log = LogWatch.from(broker);
        MeetParticipantPush.joined(participant).post().then().statusCode(202);
        awaitEnrichment(log, participant);
    }

    private ConsumerRecord<String, byte[]> awaitEnrichment(LogWatch log, String participant) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> enrichments(log, participant), hasSize(1));
        return enrichments(log, participant).get(0);
    }

    private static List<ConsumerRecord<String, byte[]>> enrichments(LogWatch log, String participant) {
        return log.appended("meet-api:" + participant);
    }

    private int allApiCalls() {
        return google.server().countRequestsMatching(
                getRequestedFor(urlPathMatching(GoogleStandIn.MEET_API_PATH + "/.*")).build()).getCount();
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
