package dev.orgpulse.ingest.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the log needs from a Pub/Sub push body ({@code {"message": {"data", "attributes", "messageId",
 * "publishTime"}, "subscription"}}) carrying a Google Workspace event, whose CloudEvents attributes travel as
 * {@code ce-*} message attributes.
 *
 * @param messageId Pub/Sub's id of the message, the same on every redelivery: the log's delivery id
 * @param subscription the Pub/Sub subscription that pushed it, when named
 * @param eventType the CloudEvents {@code ce-type}
 * @param source the CloudEvents {@code ce-source}: the resource the Workspace subscription watches
 * @param subject the CloudEvents {@code ce-subject}: the resource the event is about, when named
 * @param data the message data, base64 as pushed (checked to decode), when there is any
 */
public record PushEnvelope(String messageId, String subscription, String eventType, String source, String subject,
        String data) {

    /** The lifecycle events of a Workspace Events subscription (expiration reminder, expired, suspended, ...). */
    static final String SUBSCRIPTION_LIFECYCLE_PREFIX = "google.workspace.events.subscription.";

    /** A CloudEvents source or subject names a resource as {@code //<service host>/<resource name>}. */
    private static final Pattern RESOURCE = Pattern.compile("//[^/]+/(.+)");
    private static final String KEY_PREFIX = "meet:";

    /**
     * Strict where readers could disagree: a repeated field (two message ids, say) or anything after the
     * envelope makes it malformed, rather than one reader taking the first and another the last.
     */
    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * @throws MalformedEnvelopeException when the body is not JSON, has no message id, carries data that is not
     *         base64, or lacks the CloudEvents type or source
     */
    public static PushEnvelope parse(byte[] body) {
        JsonNode envelope = readJson(body);
        JsonNode message = envelope.path("message");
        if (!message.isObject()) {
            throw new MalformedEnvelopeException("the envelope has no message object", null);
        }
        String messageId = text(message, "messageId");
        if (messageId == null || messageId.isBlank()) {
            throw new MalformedEnvelopeException("the message has no messageId", null);
        }
        JsonNode data = message.path("data");
        if (!data.isMissingNode() && !isBase64(data)) {
            throw new MalformedEnvelopeException("the message data is not base64", messageId);
        }
        JsonNode attributes = message.path("attributes");
        if (!attributes.isObject()) {
            throw new MalformedEnvelopeException("the message has no attributes object", messageId);
        }
        String eventType = text(attributes, "ce-type");
        String source = text(attributes, "ce-source");
        if (eventType == null || eventType.isBlank() || source == null || source.isBlank()) {
            throw new MalformedEnvelopeException(
                    "the message attributes lack ce-type or ce-source: not a Workspace event", messageId);
        }
        return new PushEnvelope(messageId, text(envelope, "subscription"), eventType, source,
                text(attributes, "ce-subject"), text(message, "data"));
    }

    /**
     * The record key: {@code meet:} and the resource the Workspace subscription watches, e.g.
     * {@code meet:spaces/<id>} for a meeting space. Every event of one meeting comes from its space, so the
     * meeting's events, and consecutive meetings in that space, stay in one partition, in order. A subscription's
     * own lifecycle events are keyed by the subscription ({@code meet:subscriptions/<id>}).
     */
    public String recordKey() {
        return KEY_PREFIX + resourceName(source);
    }

    public boolean isSubscriptionLifecycle() {
        return eventType.startsWith(SUBSCRIPTION_LIFECYCLE_PREFIX);
    }

    /** @return the Workspace Events subscription a lifecycle event is about, e.g. {@code subscriptions/<id>} */
    public String workspaceSubscription() {
        return resourceName(subject != null ? subject : source);
    }

    /** @return the event's own payload (for Workspace events, JSON), empty when the message carries no data */
    public byte[] decodedData() {
        return data == null ? new byte[0] : Base64.getDecoder().decode(data);
    }

    static String resourceName(String cloudEventsResource) {
        Matcher resource = RESOURCE.matcher(cloudEventsResource);
        return resource.matches() ? resource.group(1) : cloudEventsResource;
    }

    private static JsonNode readJson(byte[] body) {
        JsonNode envelope;
        try {
            envelope = STRICT_JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedEnvelopeException("the body is not valid JSON: " + e.getOriginalMessage(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a body held in memory", e);
        }
        if (envelope == null || !envelope.isObject()) {
            throw new MalformedEnvelopeException("the body is not a JSON object", null);
        }
        return envelope;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.textValue() : null;
    }

    private static boolean isBase64(JsonNode data) {
        if (!data.isTextual()) {
            return false;
        }
        try {
            Base64.getDecoder().decode(data.textValue());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
