package dev.orgpulse.projector.fold;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
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
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
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
        RecordComponent[] components = COMPONENTS.get(content.getClass());
        StringBuilder text = new StringBuilder(256).append(content.getClass().getSimpleName()).append('[');
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(components[i].getName()).append('=').append(value(components[i], content));
        }
        return text.append(']').toString();
    }

    private static Object value(RecordComponent component, Record content) {
        try {
            return component.getAccessor().invoke(content);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a record's accessor is callable from its package", e);
        }
    }
}
