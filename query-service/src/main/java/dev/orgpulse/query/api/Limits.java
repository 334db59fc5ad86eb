package dev.orgpulse.query.api;

import java.math.BigInteger;

/**
 * The {@code ?limit=N} rule of the codewall API, also used for other counts ({@code ?weeks=N}): unreadable means the
 * default, then kept within 1..500 (or a smaller maximum).
 */
public final class Limits {

    public static final int MIN = 1;
    public static final int MAX = 500;

    private Limits() {
    }

    public static int clamp(String requested, int fallback) {
        return clamp(requested, fallback, MAX);
    }

    public static int clamp(String requested, int fallback, int max) {
        BigInteger wanted = parse(requested, fallback);
        if (wanted.compareTo(BigInteger.valueOf(MIN)) < 0) {
            return MIN;
        }
        if (wanted.compareTo(BigInteger.valueOf(max)) > 0) {
            return max;
        }
        return wanted.intValue();
    }

    private static BigInteger parse(String requested, int fallback) {
        if (requested != null) {
            try {
                return new BigInteger(requested.trim());
            } catch (NumberFormatException unreadable) {
                // falls through to the default, as codewall does
            }
        }
        return BigInteger.valueOf(fallback);
    }
}
