package dev.orgpulse.query.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class LastEventIdTest {

    @Test
    void aFeedIdIsResumedFrom() {
        assertEquals(OptionalLong.of(42), LastEventId.parse("42"));
        assertEquals(OptionalLong.of(0), LastEventId.parse(" 0 "));
    }

    @Test
    void anythingElseMeansNoResume() {
        assertEquals(OptionalLong.empty(), LastEventId.parse(null));
        assertEquals(OptionalLong.empty(), LastEventId.parse(""));
        assertEquals(OptionalLong.empty(), LastEventId.parse("abc"));
        assertEquals(OptionalLong.empty(), LastEventId.parse("-3"));
        assertEquals(OptionalLong.empty(), LastEventId.parse("99999999999999999999"));
    }
}
