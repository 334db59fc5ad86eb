package dev.orgpulse.ingest.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.MalformedRecordException;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.testing.Fixtures;

class ParticipantEventsTest {

    private static final String PARTICIPANT = "conferenceRecords/6d6b4b0a-7f0e-4b8f-9c52-2f3c0f1e7a11/participants/7283901234";

    @ParameterizedTest
    @ValueSource(strings = { "participant-joined.json", "participant-left.json" })
    void namesTheParticipantOfTheSession(String fixture) {
        assertEquals(PARTICIPANT, ParticipantEvents.participantName(Fixtures.pubsub(fixture)));
    }

    @Test
    void onlyParticipantEventsPushedThroughPubSubAreTheEnrichersToLookUp() {
        assertTrue(ParticipantEvents.isParticipantEvent(event(Sources.PUBSUB, ParticipantEvents.JOINED)));
        assertTrue(ParticipantEvents.isParticipantEvent(event(Sources.PUBSUB, ParticipantEvents.LEFT)));
        assertFalse(ParticipantEvents.isParticipantEvent(
                event(Sources.PUBSUB, "google.workspace.meet.conference.v2.started")));
        assertFalse(ParticipantEvents.isParticipantEvent(event(Sources.MEET_API, ParticipantEnrichment.RESOLVED)));
        assertFalse(ParticipantEvents.isParticipantEvent(event(Sources.GITHUB, ParticipantEvents.JOINED)));
    }

    @Test
    void refusesAnEventWhoseDataNamesNoParticipantSession() {
        MalformedRecordException refused = assertThrows(MalformedRecordException.class,
                () -> ParticipantEvents.participantName(Fixtures.pubsub("conference-started.json")));
        assertTrue(refused.getMessage().contains("participantSession"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "conferenceRecords/c1/participants/p1",
            "conferenceRecords/c1/participants/p1/participantSessions/",
            "conferenceRecords/../participants/p1/participantSessions/s1",
            "conferenceRecords/c1/participants/p1?alt=media/participantSessions/s1",
            "conferenceRecords/c1/participants/p1/participantSessions/s1/extra",
            "https://evil.example/conferenceRecords/c1/participants/p1/participantSessions/s1" })
    void refusesASessionNameThatIsNotAPlainResourceName(String session) {
        assertThrows(MalformedRecordException.class, () -> ParticipantEvents.participantName(
                envelope("{\"participantSession\": {\"name\": \"" + session + "\"}}")));
    }

    @Test
    void refusesDataThatIsNotJson() {
        assertThrows(MalformedRecordException.class, () -> ParticipantEvents.participantName(envelope("not json")));
    }

    @Test
    void refusesAValueThatIsNoPushEnvelope() {
        assertThrows(MalformedRecordException.class,
                () -> ParticipantEvents.participantName("{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8)));
    }

    private static DeliveryMetadata event(String source, String eventType) {
        return DeliveryMetadata.accepted(source, eventType, "1", Instant.now(), "application/json", "test");
    }

    private static byte[] envelope(String data) {
        String encoded = Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8));
        return ("{\"message\": {\"data\": \"" + encoded + "\", \"messageId\": \"1\", \"attributes\": {"
                + "\"ce-type\": \"" + ParticipantEvents.JOINED + "\", \"ce-source\": \"//meet.googleapis.com/spaces/s\"}}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
