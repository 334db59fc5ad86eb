package dev.orgpulse.projector.fold;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * The order of two snapshots of the same thing (a pull request, a workflow run, ...), written as text that
 * sorts the same way, so that the database keeps the greater one with a plain {@code >}. Its last part is a
 * digest of the snapshot's content: two different snapshots never tie, and whichever order they are folded
 * in, the same one is kept.
 */
final class Revision {

    private static final Instant ORIGIN = PayloadFields.earliest();
    /** Milliseconds from year 1 to year 9999 take 15 digits. */
    private static final int TIME_DIGITS = 15;
    private static final int RANK_DIGITS = 2;
    private static final int DIGEST_BYTES = 8;
    /** The instants {@link #appendInstant} prints itself: years 0 to 9999, as {@code Instant.toString} does. */
    private static final long FIRST_PRINTED_SECOND = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST_PRINTED_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    /** A record type's components and their accessors, callable without an access check on every call. */
    private record Components(RecordComponent[] components, Method[] accessors) {
    }

    private static final ClassValue<Components> COMPONENTS = new ClassValue<>() {
        @Override
        protected Components computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return new Components(components, accessors);
        }
    };

    private Revision() {
    }

    /**
     * The newer snapshot wins; at the same time, the higher rank (say merged over open).
     *
     * @param at      when the snapshot was true; {@code null} sorts first
     * @param rank    0 to 99
     * @param content the snapshot, whose {@code toString()} is digested (records print all their fields)
     */
    static String byTime(Instant at, int rank, Record content) {
        return time(at) + "." + rank(rank) + "." + digest(content);
    }

    /**
     * The further snapshot wins (say completed over in progress), then the newer one: for things whose status
     * only moves forward, whose timestamps say less than their status.
     */
    static String byProgress(int rank, Instant at, Record content) {
        return rank(rank) + "." + time(at) + "." + digest(content);
    }

    /** Milliseconds since {@link #ORIGIN} (what {@code Duration.between} gives, which throws and catches inside). */
    private static String time(Instant at) {
        return zeroPadded(at == null ? 0 : at.toEpochMilli() - ORIGIN.toEpochMilli(), TIME_DIGITS);
    }

    private static String rank(int rank) {
        if (rank < 0 || rank > 99) {
            throw new IllegalArgumentException("a rank is 0 to 99, not " + rank);
        }
        return zeroPadded(rank, RANK_DIGITS);
    }

    /** A non-negative number in so many digits (what {@code %0Nd} gives, without a formatter: this runs per row). */
    private static String zeroPadded(long value, int digits) {
        String number = Long.toString(value);
        return number.length() >= digits ? number : "0".repeat(digits - number.length()) + number;
    }

    private static String digest(Record content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(printed(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * What the record's {@code toString()} prints, the text the stored revisions were digested from; built here
     * because Java 17 prints records with {@code String.format}, which cost a tenth of the fold's time.
     */
    static String printed(Record content) {
        Components components = COMPONENTS.get(content.getClass());
        StringBuilder text = new StringBuilder(256).append(content.getClass().getSimpleName()).append('[');
        for (int i = 0; i < components.accessors().length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(components.components()[i].getName()).append('=');
            Object value = value(components.accessors()[i], content);
            if (value instanceof Instant instant) {
                appendInstant(text, instant);
            } else {
                text.append(value);
            }
        }
        return text.append(']').toString();
    }

    private static Object value(Method accessor, Record content) {
        try {
            return accessor.invoke(content);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a record's accessor is callable from its package", e);
        }
    }

    /**
     * What {@code Instant.toString} prints ({@code DateTimeFormatter.ISO_INSTANT}: seconds always, the fraction in
     * groups of three digits as needed), without a formatter: the revisions of a batch print a few instants each.
     */
    static void appendInstant(StringBuilder text, Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_PRINTED_SECOND || seconds > LAST_PRINTED_SECOND) {
            text.append(instant);
            return;
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        digits(text, time.getYear(), 4).append('-');
        digits(text, time.getMonthValue(), 2).append('-');
        digits(text, time.getDayOfMonth(), 2).append('T');
        digits(text, time.getHour(), 2).append(':');
        digits(text, time.getMinute(), 2).append(':');
        digits(text, time.getSecond(), 2);
        int nano = instant.getNano();
        if (nano > 0) {
            text.append('.');
            if (nano % 1_000_000 == 0) {
                digits(text, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                digits(text, nano / 1000, 6);
            } else {
                digits(text, nano, 9);
            }
        }
        text.append('Z');
    }

    private static StringBuilder digits(StringBuilder text, int value, int digits) {
        String number = Integer.toString(value);
        for (int i = number.length(); i < digits; i++) {
            text.append('0');
        }
        return text.append(number);
    }
}
