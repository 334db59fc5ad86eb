package dev.orgpulse.ingest.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.orgpulse.testing.Fixtures;

class PushEnvelopeTest {

    private static final String ATTRIBUTES = "\"attributes\":{\"ce-type\":\"google.workspace.meet.conference.v2.started\","
            + "\"ce-source\":\"//meet.googleapis.com/spaces/abc\"}";

    @Test
    void readsAMeetEventFromItsEnvelope() {
        PushEnvelope envelope = PushEnvelope.parse(Fixtures.pubsub("participant-joined.json"));

        assertEquals("11002", envelope.messageId());
        assertEquals("google.workspace.meet.participant.v2.joined", envelope.eventType());
        assertEquals("projects/example-project/subscriptions/meet-events-push", envelope.subscription());
        assertEquals("meet:spaces/jQCFfuBOdN5z", envelope.recordKey());
        assertFalse(envelope.isSubscriptionLifecycle());
    }

    @ParameterizedTest
    @ValueSource(strings = { "conference-started.json", "participant-joined.json", "participant-left.json",
            "conference-ended.json" })
    void keysEveryEventOfOneMeetingAlike(String fixture) {
        assertEquals("meet:spaces/jQCFfuBOdN5z", PushEnvelope.parse(Fixtures.pubsub(fixture)).recordKey());
    }

    @Test
    void recognisesASubscriptionLifecycleEvent() {
        PushEnvelope envelope = PushEnvelope.parse(Fixtures.pubsub("subscription-expiration-reminder.json"));

        assertTrue(envelope.isSubscriptionLifecycle());
        assertEquals("subscriptions/c2VzLXN1Yi0x", envelope.workspaceSubscription());
        assertEquals("meet:subscriptions/c2VzLXN1Yi0x", envelope.recordKey());
    }

    @ParameterizedTest
    @ValueSource(strings = { "expirationReminder", "expired", "suspended" })
    void treatsEverySubscriptionEventAsLifecycle(String event) {
        String body = "{\"message\":{\"messageId\":\"1\",\"attributes\":{\"ce-type\":"
                + "\"google.workspace.events.subscription.v1." + event + "\","
                + "\"ce-source\":\"//workspaceevents.googleapis.com/subscriptions/s1\"}}}";

        assertTrue(parse(body).isSubscriptionLifecycle());
    }

    @Test
    void acceptsAMessageWithoutData() {
        PushEnvelope envelope = parse("{\"message\":{\"messageId\":\"7\"," + ATTRIBUTES + "}}");

        assertEquals("7", envelope.messageId());
        assertEquals(0, envelope.decodedData().length);
    }

    @Test
    void decodesTheEventsData() {
        PushEnvelope envelope = PushEnvelope.parse(Fixtures.pubsub("conference-started.json"));

        assertEquals("{\"conferenceRecord\": {\"name\": \"conferenceRecords/6d6b4b0a-7f0e-4b8f-9c52-2f3c0f1e7a11\"}}",
                new String(envelope.decodedData(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({
            "//meet.googleapis.com/spaces/abc, spaces/abc",
            "//cloudidentity.googleapis.com/users/42, users/42",
            "spaces/abc, spaces/abc" })
    void namesTheResourceOfACloudEventsSource(String source, String resource) {
        assertEquals(resource, PushEnvelope.resourceName(source));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "not json", "[]", "\"message\"", "{\"message\":", "{\"message\":[]}", "{}" })
    void refusesABodyThatIsNotAnEnvelope(String body) {
        assertMalformed(body, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"message\":{" + ATTRIBUTES + "}}",
            "{\"message\":{\"messageId\":\"\"," + ATTRIBUTES + "}}",
            "{\"message\":{\"messageId\":11002," + ATTRIBUTES + "}}",
            "{\"message\":{\"message_id\":\"11002\"," + ATTRIBUTES + "}}" })
    void refusesAMessageWithoutMessageId(String body) {
        assertMalformed(body, null);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"eyJ%%%\"", "\"eyJhIjoxfQ=\"", "\"eyJh IjoxfQ==\"", "\"eyJhIjoxfQ-_\"", "42", "null" })
    void refusesDataThatIsNotBase64(String data) {
        assertMalformed("{\"message\":{\"messageId\":\"5\",\"data\":" + data + "," + ATTRIBUTES + "}}", "5");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"message\":{\"messageId\":\"5\"}}",
            "{\"message\":{\"messageId\":\"5\",\"attributes\":{\"ce-source\":\"//meet.googleapis.com/spaces/a\"}}}",
            "{\"message\":{\"messageId\":\"5\",\"attributes\":{\"ce-type\":\"google.workspace.meet.conference.v2.started\"}}}",
            "{\"message\":{\"messageId\":\"5\",\"attributes\":{\"ce-type\":\"\",\"ce-source\":\"//meet.googleapis.com/spaces/a\"}}}" })
    void refusesAMessageThatIsNotACloudEvent(String body) {
        assertMalformed(body, "5");
    }

    @Test
    void refusesAnEnvelopeThatSaysOneThingTwice() {
        assertMalformed("{\"message\":{\"messageId\":\"5\",\"messageId\":\"6\"," + ATTRIBUTES + "}}", null);
    }

    @Test
    void refusesAnythingAfterTheEnvelope() {
        assertMalformed("{\"message\":{\"messageId\":\"5\"," + ATTRIBUTES + "}} {}", null);
    }

    private static PushEnvelope parse(String body) {
        return PushEnvelope.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertMalformed(String body, String readableMessageId) {
        MalformedEnvelopeException refused = assertThrows(MalformedEnvelopeException.class, () -> parse(body));
        if (readableMessageId == null) {
            assertNull(refused.messageId());
        } else {
            assertEquals(readableMessageId, refused.messageId());
        }
    }
}
