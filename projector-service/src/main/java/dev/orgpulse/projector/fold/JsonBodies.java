package dev.orgpulse.projector.fold;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.eventlog.MalformedRecordException;

/** JSON read from a record's bytes (a push envelope, the event inside it, an API answer). */
final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * @param what what the bytes should be, for the dead letter's reason
     * @throws MalformedRecordException when the bytes are not one JSON object
     */
    static JsonNode object(byte[] bytes, String what) {
        JsonNode json;
        try {
            json = LogJson.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new MalformedRecordException(what + " is not valid JSON: " + e.getMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw new MalformedRecordException(what + " is not a JSON object");
        }
        return json;
    }
}
