package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.MalformedRecordException;

/**
 * A Google Workspace event as the log holds it: the Pub/Sub push envelope exactly as pushed
 * ({@code {"message": {"data", "attributes", "messageId", "publishTime"}, "subscription"}}), whose {@code ce-*}
 * attributes are the CloudEvents attributes and whose base64 {@code data} is the event's JSON.
 *
 * @param type   the CloudEvents {@code ce-type}
 * @param time   when it happened: {@code ce-time}, or Pub/Sub's {@code publishTime} when an event has none
 * @param source the resource the Workspace subscription watches, without its service host ({@code spaces/<id>},
 *               {@code subscriptions/<id>}): {@code ce-source}
 * @param subject the resource the event is about, likewise ({@code ce-subject}); {@code null} when not named
 * @param data   the event's payload ({@code {"conferenceRecord": {...}}}, {@code {"participantSession": {...}}}, ...)
 */
public record WorkspaceEvent(String type, Instant time, String source, String subject, JsonNode data) {

    /** A CloudEvents source or subject names a resource as {@code //<service host>/<resource name>}. */
    private static final Pattern RESOURCE = Pattern.compile("//[^/]+/(.+)");

    /**
     * @throws MalformedRecordException when the envelope, its attributes or its data cannot be read
     */
    static WorkspaceEvent decode(byte[] envelopeBytes) {
        JsonNode envelope = JsonBodies.object(envelopeBytes, "the Pub/Sub push envelope");
        JsonNode message = envelope.path("message");
        JsonNode attributes = message.path("attributes");
        String type = PayloadFields.requiredText(envelope, "/message/attributes/ce-type");
        String source = PayloadFields.requiredText(envelope, "/message/attributes/ce-source");
        Instant time = PayloadFields.firstPresent(PayloadFields.instant(attributes, "/ce-time"),
                PayloadFields.instant(message, "/publishTime"));
        if (time == null) {
            throw new MalformedRecordException("the push envelope has neither ce-time nor publishTime");
        }
        String subject = PayloadFields.text(attributes, "ce-subject");
        return new WorkspaceEvent(type, time, resourceName(source), subject == null ? null : resourceName(subject),
                data(PayloadFields.requiredText(envelope, "/message/data")));
    }

    private static JsonNode data(String base64) {
        byte[] json;
        try {
            json = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("the message data is not base64: " + e.getMessage(), e);
        }
        return JsonBodies.object(json, "the message data");
    }

    private static String resourceName(String cloudEventsResource) {
        Matcher resource = RESOURCE.matcher(cloudEventsResource);
        return resource.matches() ? resource.group(1) : cloudEventsResource;
    }
}
