package dev.orgpulse.ingest.enrich;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.eventlog.MalformedRecordException;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.ingest.webhook.MalformedEnvelopeException;
import dev.orgpulse.ingest.webhook.PushEnvelope;

/**
 * Which Meet participant a record on the log is about. A participant event (joined, left) names only a session of
 * a participant, {@code conferenceRecords/<c>/participants/<p>/participantSessions/<s>} in its data; who the
 * participant is, only the Meet API knows.
 */
final class ParticipantEvents {

    static final String JOINED = "google.workspace.meet.participant.v2.joined";
    static final String LEFT = "google.workspace.meet.participant.v2.left";
    private static final Set<String> PARTICIPANT_EVENTS = Set.of(JOINED, LEFT);

    /**
     * One path segment of a resource name. Google's ids are letters, digits, {@code -} and {@code _}; the name
     * becomes part of an API URL, so nothing that could climb out of it ({@code .}, {@code /}, {@code ?}) is let
     * through.
     */
    private static final String SEGMENT = "[A-Za-z0-9_-]+";
    private static final Pattern SESSION = Pattern.compile(
            "(conferenceRecords/" + SEGMENT + "/participants/" + SEGMENT + ")/participantSessions/" + SEGMENT);

    private ParticipantEvents() {
    }

    /** Only a Pub/Sub push of a participant event names a participant; everything else is not the enricher's. */
    static boolean isParticipantEvent(DeliveryMetadata metadata) {
        return Sources.PUBSUB.equals(metadata.source()) && PARTICIPANT_EVENTS.contains(metadata.eventType());
    }

    /**
     * @param envelope the record's value: the push envelope as the ingest stored it
     * @return the participant's resource name, {@code conferenceRecords/<c>/participants/<p>}
     * @throws MalformedRecordException when the envelope or its data does not name a participant session
     */
    static String participantName(byte[] envelope) {
        JsonNode data = eventData(envelope);
        JsonNode session = data.path("participantSession").path("name");
        if (!session.isTextual()) {
            throw new MalformedRecordException("the event data names no participantSession");
        }
        Matcher name = SESSION.matcher(session.textValue());
        if (!name.matches()) {
            throw new MalformedRecordException("the participant session's name is not "
                    + "conferenceRecords/<c>/participants/<p>/participantSessions/<s>");
        }
        return name.group(1);
    }

    private static JsonNode eventData(byte[] envelope) {
        byte[] data;
        try {
            data = PushEnvelope.parse(envelope).decodedData();
        } catch (MalformedEnvelopeException e) {
            throw new MalformedRecordException("not a push envelope: " + e.getMessage(), e);
        }
        try {
            JsonNode event = LogJson.MAPPER.readTree(data);
            if (event == null || !event.isObject()) {
                throw new MalformedRecordException("the message data is not a JSON object");
            }
            return event;
        } catch (IOException e) {
            throw new MalformedRecordException("the message data is not JSON", e);
        }
    }
}
