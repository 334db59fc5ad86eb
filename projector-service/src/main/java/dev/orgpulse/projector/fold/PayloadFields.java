package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.IsoTimestamps;
import dev.orgpulse.eventlog.MalformedRecordException;

/** Reading fields of a webhook payload; a missing required field makes the record malformed (a dead letter). */
final class PayloadFields {

    /** What PostgreSQL's timestamptz and ISO-8601 both hold; anything outside is a broken payload. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** Compiled pointers by their text: only the constants of the folds' code. */
    private static final Map<String, JsonPointer> POINTERS = new ConcurrentHashMap<>();
    private static final Map<String, Leaf> LEAVES = new ConcurrentHashMap<>();

    private PayloadFields() {
    }

    /** The text of a field, or {@code null} when it is absent, null or empty. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    /** The text at a JSON pointer such as {@code /repository/full_name}. */
    static String requiredText(JsonNode payload, String pointer) {
        String text = textAt(payload, pointer);
        if (text == null) {
            throw missing(pointer);
        }
        return text;
    }

    static int requiredInt(JsonNode payload, String pointer) {
        JsonNode value = at(payload, pointer);
        if (!value.canConvertToInt()) {
            throw missing(pointer);
        }
        return value.intValue();
    }

    /** A whole number at a JSON pointer, or {@code null} when it is absent or not a number. */
    static Integer integer(JsonNode payload, String pointer) {
        JsonNode value = at(payload, pointer);
        return value.isIntegralNumber() && value.canConvertToInt() ? value.intValue() : null;
    }

    /** An id such as {@code /repository/id}: GitHub's ids outgrow an int. */
    static long requiredLong(JsonNode payload, String pointer) {
        JsonNode value = at(payload, pointer);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw missing(pointer);
        }
        return value.longValue();
    }

    static Long longValue(JsonNode payload, String pointer) {
        JsonNode value = at(payload, pointer);
        return value.isIntegralNumber() && value.canConvertToLong() ? value.longValue() : null;
    }

    /** The text at a JSON pointer, or {@code null} when absent, null or empty. */
    static String textAt(JsonNode payload, String pointer) {
        Leaf leaf = LEAVES.computeIfAbsent(pointer, Leaf::of);
        return text(payload.at(leaf.parent()), leaf.name());
    }

    /** An instant written as ISO-8601 with an offset ({@code 2019-05-15T15:20:33Z}) or as epoch seconds. */
    static Instant instant(JsonNode payload, String pointer) {
        JsonNode value = at(payload, pointer);
        if (!value.isNumber() && (!value.isTextual() || value.asText().isEmpty())) {
            return null;
        }
        try {
            Instant instant = value.isNumber() ? Instant.ofEpochSecond(value.longValue())
                    : IsoTimestamps.parse(value.asText());
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw new MalformedRecordException(pointer + " is out of range: " + value.asText());
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException(pointer + " is not a timestamp: " + value.asText(), e);
        }
    }

    /** The earliest instant a payload can hold: what a snapshot without any time of its own is dated. */
    static Instant earliest() {
        return EARLIEST;
    }

    /** The later of the given instants, ignoring {@code null}s; {@code null} when all are. */
    static Instant latest(Instant... instants) {
        Instant latest = null;
        for (Instant instant : instants) {
            if (instant != null && (latest == null || instant.isAfter(latest))) {
                latest = instant;
            }
        }
        return latest;
    }

    /** The first of the given values that is not {@code null}. */
    @SafeVarargs
    static <T> T firstPresent(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static Instant requiredInstant(JsonNode payload, String pointer) {
        Instant instant = instant(payload, pointer);
        if (instant == null) {
            throw missing(pointer);
        }
        return instant;
    }

    static MalformedRecordException missing(String pointer) {
        return new MalformedRecordException("payload has no " + pointer);
    }

    /**
     * The node at a pointer, compiled once: the folds read every payload through a few dozen constant pointers, and
     * {@code JsonNode.at(String)} parses its pointer on every call.
     */
    private static JsonNode at(JsonNode payload, String pointer) {
        return payload.at(POINTERS.computeIfAbsent(pointer, JsonPointer::compile));
    }

    /** A pointer as its parent's pointer and the member's name there. */
    private record Leaf(JsonPointer parent, String name) {

        static Leaf of(String pointer) {
            int slash = pointer.lastIndexOf('/');
            return new Leaf(JsonPointer.compile(pointer.substring(0, slash)), pointer.substring(slash + 1));
        }
    }
}
