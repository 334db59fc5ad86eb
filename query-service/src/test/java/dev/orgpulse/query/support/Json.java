package dev.orgpulse.query.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Compares JSON by value: field order and number widths do not matter, everything else does. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    public static void assertJsonEquals(Object expected, String actualJson) {
        try {
            JsonNode wanted = MAPPER.readTree(MAPPER.writeValueAsString(expected));
            assertEquals(wanted, MAPPER.readTree(actualJson));
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + actualJson, e);
        }
    }
}
