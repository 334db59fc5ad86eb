package dev.orgpulse.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path reads every timestamp as {@link OffsetDateTime#parse} does, and refuses what it refuses. */
class IsoTimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2019-05-15T15:20:33Z", "2019-05-15T17:20:33+02:00", "2019-05-15T10:50:33-04:30",
        "2019-05-15T15:20:33.5Z", "2019-05-15T15:20:33.123456789+01:00", "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z", "2024-02-29T23:59:59.000Z", "2019-05-15T15:20:33+18:00", "2019-05-15T15:20:33.Z"})
    void readsWhatOffsetDateTimeReads(String text) {
        assertEquals(OffsetDateTime.parse(text).toInstant(), IsoTimestamps.parse(text));
    }

    @Test
    void readsRandomInstantsInEveryOffsetAndPrecision() {
        Random random = new Random(8);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    random.nextInt(1_000_000_000));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
            String text = OffsetDateTime.ofInstant(instant, offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);

            assertEquals(OffsetDateTime.parse(text).toInstant(), IsoTimestamps.parse(text), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-02-30T15:20:33Z", "2019-05-15T24:00:00Z", "2019-05-15T15:20:60Z",
        "2019-05-15 15:20:33Z", "2019-05-15T15:20:33", "2019-05-15T15:20:33+2:00",
        "2019-05-15T15:20:33+19:00", "yesterday", "2019-05-15T15:20:33.1234567890Z"})
    void refusesWhatOffsetDateTimeRefuses(String text) {
        assertThrows(DateTimeParseException.class, () -> OffsetDateTime.parse(text));
        assertThrows(DateTimeParseException.class, () -> IsoTimestamps.parse(text));
    }
}
