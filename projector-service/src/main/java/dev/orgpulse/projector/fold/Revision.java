package dev.orgpulse.projector.fold;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
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

    private Revision() {
    }

    /**
     * The newer snapshot wins; at the same time, the higher rank (say merged over open).
     *
     * @param at      when the snapshot was true; {@code null} sorts first
     * @param rank    0 to 99
     * @param content the snapshot, whose {@code toString()} is digested (records print all their fields)
     */
    static String byTime(Instant at, int rank, Object content) {
        return time(at) + "." + rank(rank) + "." + digest(content);
    }

    /**
     * The further snapshot wins (say completed over in progress), then the newer one: for things whose status
     * only moves forward, whose timestamps say less than their status.
     */
    static String byProgress(int rank, Instant at, Object content) {
        return rank(rank) + "." + time(at) + "." + digest(content);
    }

    private static String time(Instant at) {
        return zeroPadded(at == null ? 0 : Duration.between(ORIGIN, at).toMillis(), TIME_DIGITS);
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

    private static String digest(Object content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
