package dev.orgpulse.projector.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.testing.Fixtures;

/**
 * The shared Pub/Sub fixtures (one meeting of one participant for about 41 minutes, a subscription's expiration
 * reminder) and the Meet API's answer about that participant, as the ingest service appends them to the log: record
 * key, contract headers and the body. Variants move the meeting to another conference record id (tests share one
 * database) and give an event another Pub/Sub message id (the same event pushed twice).
 */
public final class MeetRecords {

    public static final String FIXTURE_CONFERENCE_ID = "6d6b4b0a-7f0e-4b8f-9c52-2f3c0f1e7a11";
    public static final String SPACE = "spaces/jQCFfuBOdN5z";
    public static final String SUBSCRIPTION = "subscriptions/c2VzLXN1Yi0x";
    public static final String STARTED = "conference-started.json";
    public static final String JOINED = "participant-joined.json";
    public static final String LEFT = "participant-left.json";
    public static final String ENDED = "conference-ended.json";
    public static final String EXPIRATION_REMINDER = "subscription-expiration-reminder.json";
    /** The meeting's events in the order they happened. */
    public static final List<String> MEETING = List.of(STARTED, JOINED, LEFT, ENDED);

    private MeetRecords() {
    }

    /** One record for the log. */
    public record LogEntry(String key, DeliveryMetadata delivery, byte[] value) {
    }

    public static String conference(String conferenceId) {
        return "conferenceRecords/" + conferenceId;
    }

    public static String participant(String conferenceId) {
        return conference(conferenceId) + "/participants/7283901234";
    }

    public static String session(String conferenceId) {
        return participant(conferenceId) + "/participantSessions/9a8b7c6d";
    }

    /** A fixture exactly as pushed, with its own message id. */
    public static LogEntry push(String fixture) {
        ObjectNode envelope = Payloads.fixture(Fixtures.root().resolve("pubsub").resolve(fixture));
        return entry(envelope, Fixtures.pubsub(fixture));
    }

    /** A fixture's event moved to conference {@code conferenceId}, pushed with message id {@code messageId}. */
    public static LogEntry push(String fixture, String conferenceId, String messageId) {
        ObjectNode envelope = Payloads.fixture(Fixtures.root().resolve("pubsub").resolve(fixture));
        ObjectNode message = (ObjectNode) envelope.path("message");
        message.put("messageId", messageId).put("message_id", messageId);
        String data = new String(Base64.getDecoder().decode(message.path("data").asText()), StandardCharsets.UTF_8);
        message.put("data", Base64.getEncoder().encodeToString(movedTo(data, conferenceId).getBytes(StandardCharsets.UTF_8)));
        ObjectNode attributes = (ObjectNode) message.path("attributes");
        attributes.put("ce-subject", movedTo(attributes.path("ce-subject").asText(), conferenceId));
        return entry(envelope, Payloads.bytes(envelope));
    }

    /** The Meet API's answer about the fixture meeting's participant, moved to conference {@code conferenceId}. */
    public static LogEntry participantAnswer(String conferenceId) {
        String answer = movedTo(new String(Fixtures.pubsub("meet-api-participant.json"), StandardCharsets.UTF_8),
                conferenceId);
        DeliveryMetadata delivery = DeliveryMetadata.accepted(Sources.MEET_API,
                "google.workspace.meet.participant.v2.resolved", "meet-api:" + participant(conferenceId),
                Payloads.RECEIVED_AT, "application/json", "meet-api");
        return new LogEntry("meet:" + SPACE, delivery, answer.getBytes(StandardCharsets.UTF_8));
    }

    private static LogEntry entry(ObjectNode envelope, byte[] value) {
        ObjectNode attributes = (ObjectNode) envelope.path("message").path("attributes");
        String source = attributes.path("ce-source").asText();
        DeliveryMetadata delivery = DeliveryMetadata.accepted(Sources.PUBSUB, attributes.path("ce-type").asText(),
                envelope.path("message").path("messageId").asText(), Payloads.RECEIVED_AT, "application/json",
                "google-oidc:test-key");
        // ingest keys by the watched resource: //meet.googleapis.com/spaces/<id> -> meet:spaces/<id>
        return new LogEntry("meet:" + source.substring(source.indexOf('/', 2) + 1), delivery, value);
    }

    private static String movedTo(String text, String conferenceId) {
        return text.replace(FIXTURE_CONFERENCE_ID, conferenceId);
    }
}
