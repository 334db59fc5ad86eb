package dev.orgpulse.eventlog;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a GitHub webhook body as it is stored on the log. GitHub sends either JSON or a form with a
 * single {@code payload=} field holding the JSON; the log keeps whichever came, so every reader goes
 * through here.
 */
public final class GitHubPayloads {

    public static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
    private static final String FORM_FIELD = "payload=";

    private GitHubPayloads() {
    }

    /**
     * @param contentType the delivery's media type ({@code null} means JSON)
     * @throws MalformedRecordException when the body is not JSON, or a form without a JSON {@code payload}
     */
    public static JsonNode parse(byte[] body, String contentType) {
        String json = isForm(contentType) ? formPayload(body) : new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode node = LogJson.MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new MalformedRecordException("payload is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new MalformedRecordException("payload is not valid JSON: " + e.getMessage(), e);
        }
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

    private static String formPayload(byte[] body) {
        String form = new String(body, StandardCharsets.US_ASCII);
        for (String field : form.split("&")) {
            if (field.startsWith(FORM_FIELD)) {
                return URLDecoder.decode(field.substring(FORM_FIELD.length()), StandardCharsets.UTF_8);
            }
        }
        throw new MalformedRecordException("form body has no payload field");
    }
}
