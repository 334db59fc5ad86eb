package dev.orgpulse.eventlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The admin credential check every service shares: {@code Authorization: Bearer <ORGPULSE_ADMIN_KEY>}. With no key configured
 * nothing is accepted. Keys are compared as SHA-256 digests in constant time, so neither the content nor
 * the length of the key leaks through timing.
 */
public final class AdminKey {

    private static final String BEARER = "Bearer ";

    public enum Verdict {
        ACCEPTED, NO_CREDENTIAL, WRONG_CREDENTIAL, NOT_CONFIGURED
    }

    private final byte[] expectedDigest;

    private AdminKey(byte[] expectedDigest) {
        this.expectedDigest = expectedDigest;
    }

    public static AdminKey of(Optional<String> key) {
        return new AdminKey(key.map(String::strip).filter(k -> !k.isEmpty()).map(AdminKey::digest).orElse(null));
    }

    public Verdict check(String authorization) {
        if (expectedDigest == null) {
            return Verdict.NOT_CONFIGURED;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Verdict.NO_CREDENTIAL;
        }
        byte[] presented = digest(authorization.substring(BEARER.length()).strip());
        return MessageDigest.isEqual(expectedDigest, presented) ? Verdict.ACCEPTED : Verdict.WRONG_CREDENTIAL;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
