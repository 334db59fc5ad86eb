package dev.orgpulse.eventlog;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Reads the timestamps GitHub and the log's headers write ({@code 2019-05-15T15:20:33Z},
 * {@code 2019-05-15T17:20:33+02:00}, with or without a fraction of a second) without {@code DateTimeFormatter}, which
 * took a sixth of the fold's time: a payload carries a dozen of them. Any other form, or a date that does not exist, goes through {@link OffsetDateTime#parse},
 * which decides it.
 */
public final class IsoTimestamps {

    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10,
        1};

    private IsoTimestamps() {
    }

    /** @throws java.time.format.DateTimeParseException when the text is not an ISO-8601 date-time with an offset */
    public static Instant parse(String text) {
        Instant instant = common(text);
        return instant != null ? instant : OffsetDateTime.parse(text).toInstant();
    }

    /** The instant of {@code yyyy-MM-ddTHH:mm:ss[.f…](Z|±hh:mm)}, or {@code null} for anything else. */
    private static Instant common(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int digits = 0;
            while (at + 1 + digits < length && Character.isDigit(text.charAt(at + 1 + digits))) {
                digits++;
            }
            if (digits == 0 || digits > NANOS_PER_DIGIT.length) {
                return null;
            }
            nanos = number(text, at + 1, digits) * NANOS_PER_DIGIT[digits - 1];
            at += 1 + digits;
        }
        int offsetSeconds = offsetSeconds(text, at);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds,
                    nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code Z} or {@code ±hh:mm} ending the text at {@code at}, in seconds; {@code MIN_VALUE} for anything else. */
    private static int offsetSeconds(String text, int at) {
        int length = text.length();
        if (at == length - 1 && text.charAt(at) == 'Z') {
            return 0;
        }
        if (at != length - 6 || text.charAt(at + 3) != ':') {
            return Integer.MIN_VALUE;
        }
        char sign = text.charAt(at);
        int hours = number(text, at + 1, 2);
        int minutes = number(text, at + 4, 2);
        if ((sign != '+' && sign != '-') || hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return sign == '+' ? seconds : -seconds;
    }

    /** The decimal number of so many ASCII digits from {@code from}, or -1 when one is not a digit. */
    private static int number(String text, int from, int digits) {
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
