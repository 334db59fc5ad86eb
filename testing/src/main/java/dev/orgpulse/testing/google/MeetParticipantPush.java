package dev.orgpulse.testing.google;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.testing.Fixtures;

/**
 * Meet participant events as Pub/Sub pushes them, about participants made up per test (the test fixtures name
 * one participant only), and the Meet API's answers about them.
 */
public final class MeetParticipantPush {

    /** The conference and participant of participant-joined.json, participant-left.json and meet-api-participant.json. */
    public static final String CONFERENCE = "conferenceRecords/6d6b4b0a-7f0e-4b8f-9c52-2f3c0f1e7a11";
    public static final String FIXTURE_PARTICIPANT = CONFERENCE + "/participants/7283901234";
    public static final String SPACE_KEY = "meet:spaces/jQCFfuBOdN5z";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private MeetParticipantPush() {
    }

    /** A participant nobody has named yet in this run. */
    public static String newParticipant() {
        return CONFERENCE + "/participants/" + (5_550_000_000L + SEQUENCE.incrementAndGet());
    }

    public static PubSubDelivery joined(String participant) {
        return push("participant-joined.json", participant);
    }

    public static PubSubDelivery left(String participant) {
        return push("participant-left.json", participant);
    }

    /** meet-api-participant.json, about {@code participant}: its bytes as the fixture lays them out. */
    public static byte[] apiAnswer(String participant) {
        return new String(Fixtures.pubsub("meet-api-participant.json"), StandardCharsets.UTF_8)
                .replace(FIXTURE_PARTICIPANT, participant)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The fixture's event, about a session of {@code participant}, under a message id of its own. */
    private static PubSubDelivery push(String fixture, String participant) {
        String session = participant + "/participantSessions/s" + SEQUENCE.incrementAndGet();
        String messageId = String.valueOf(90_000 + SEQUENCE.incrementAndGet());
        String data = "{\"participantSession\": {\"name\": \"" + session + "\"}}";
        return PubSubDelivery.editedFixture(fixture, envelope -> {
            ObjectNode message = (ObjectNode) envelope.path("message");
            message.put("data", Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)));
            message.put("messageId", messageId);
            message.put("message_id", messageId);
            ((ObjectNode) message.path("attributes")).put("ce-subject", "//meet.googleapis.com/" + session);
        });
    }
}
