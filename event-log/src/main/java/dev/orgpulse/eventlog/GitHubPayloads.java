package dev.orgpulse.eventlog;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a GitHub webhook body as it is stored on the log. GitHub sends either JSON or a form with a
 * single {@code payload=} field holding the JSON; the log keeps whichever came, so every reader goes
 * through here.
 */
public final class GitHubPayloads {

    public static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
    /** The members {@link #recordKey} reads: parsed with only these, a body needs no tree of its every member. */
    public static final Set<String> RECORD_KEY_MEMBERS = Set.of("repository", "organization", "sender", "full_name",
            "login");
    private static final String FORM_FIELD = "payload=";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GitHubPayloads() {
    }

    /**
     * @param contentType the delivery's media type ({@code null} means JSON)
     * @throws MalformedRecordException when the body is not JSON, or a form without a JSON {@code payload}
     */
    public static JsonNode parse(byte[] body, String contentType) {
        return parse(body, contentType, null);
    }

    /**
     * The payload with only the members named {@code fields}, at any depth: GitHub's objects are mostly hypermedia
     * links and copies of the repository, and a reader that needs a few dozen fields need not build a tree of
     * hundreds. The body is still read whole, so invalid JSON anywhere is refused all the same.
     *
     * @param fields the member names to keep; {@code null} keeps every member
     */
    public static JsonNode parse(byte[] body, String contentType, Set<String> fields) {
        return parse(body, 0, body.length, contentType, fields);
    }

    /**
     * The same, of {@code length} bytes of {@code body} from {@code offset}: a reader of the log parses the bytes where
     * the consumer fetched them, without copying each record out first.
     */
    public static JsonNode parse(byte[] body, int offset, int length, String contentType, Set<String> fields) {
        try (JsonParser parser = isForm(contentType)
                ? LogJson.MAPPER.createParser(formPayload(body, offset, length))
                : LogJson.MAPPER.createParser(body, offset, length)) {
            if (fields == null) {
                JsonNode node = LogJson.MAPPER.readTree(parser);
                if (node == null || !node.isObject()) {
                    throw new MalformedRecordException("payload is not a JSON object");
                }
                return node;
            }
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedRecordException("payload is not a JSON object");
            }
            return object(parser, fields);
        } catch (IOException e) {
            throw new MalformedRecordException("payload is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The object the parser stands at the start of, with the named members only; leaves it at the object's end. */
    private static ObjectNode object(JsonParser parser, Set<String> fields) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (fields.contains(name)) {
                object.set(name, value(parser, value, fields));
            } else {
                parser.skipChildren();
            }
        }
        return object;
    }

    private static JsonNode value(JsonParser parser, JsonToken token, Set<String> fields) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(parser, fields);
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY;
                        element = parser.nextToken()) {
                    array.add(value(parser, element, fields));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new MalformedRecordException("unexpected " + token + " in the payload");
        };
    }

    /**
     * The record key: {@code github:<owner>/<repo>} for repository events, {@code github:<org>} for
     * organisation events, so that one repository's events stay in one partition, in order.
     */
    public static String recordKey(JsonNode payload) {
        String repository = payload.path("repository").path("full_name").asText("");
        if (!repository.isEmpty()) {
            return "github:" + repository;
        }
        String organization = payload.path("organization").path("login").asText("");
        if (!organization.isEmpty()) {
            return "github:" + organization;
        }
        return "github:" + payload.path("sender").path("login").asText("unknown");
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith(FORM_CONTENT_TYPE);
    }

    private static String formPayload(byte[] body, int offset, int length) {
        String form = new String(body, offset, length, StandardCharsets.US_ASCII);
        for (String field : form.split("&")) {
            if (field.startsWith(FORM_FIELD)) {
                return URLDecoder.decode(field.substring(FORM_FIELD.length()), StandardCharsets.UTF_8);
            }
        }
        throw new MalformedRecordException("form body has no payload field");
    }
}
