package dev.orgpulse.query.gate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks viewer session cookies: {@code <expires epoch s>.<nonce>.<HMAC-SHA256>}. The HMAC key is
 * derived from the sign-in secrets (access key, Google client secret), so rotating one ends every session signed
 * with the old one.
 */
public final class SessionSigner {

    private static final String HMAC = "HmacSHA256";
    private static final byte[] PURPOSE = "orgpulse viewer session v1".getBytes(StandardCharsets.UTF_8);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A viewer sends the same cookie with every request, and its HMAC was the gate's largest cost per request: the
     * expiry of each cookie value whose signature checked out is kept, so it is checked once. Only untouched values
     * enter; the map is emptied when full (the cost of that is one HMAC per viewer again).
     */
    static final int VERIFIED_LIMIT = 10_000;

    private final byte[] signingKey;
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    public SessionSigner(String secret) {
        this.signingKey = hmac(secret.getBytes(StandardCharsets.UTF_8), PURPOSE);
    }

    public String issue(Instant expiresAt) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String payload = expiresAt.getEpochSecond() + "." + ENCODER.encodeToString(nonce);
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    /** True when the value was signed by this key, is untouched, and has not expired at {@code now}. */
    public boolean verify(String cookieValue, Instant now) {
        Long knownExpiry = verified.get(cookieValue);
        if (knownExpiry != null) {
            return now.getEpochSecond() < knownExpiry;
        }
        int signatureStart = cookieValue.lastIndexOf('.');
        int nonceStart = cookieValue.indexOf('.');
        if (nonceStart <= 0 || signatureStart <= nonceStart) {
            return false;
        }
        String payload = cookieValue.substring(0, signatureStart);
        long expiresAt;
        try {
            expiresAt = Long.parseLong(payload.substring(0, nonceStart));
        } catch (NumberFormatException unreadable) {
            return false;
        }
        // compared as text, not decoded: the decoder ignores the last character's unused bits, so several values
        // would decode to one signature, and each would be remembered apart
        byte[] expected = ENCODER.encodeToString(sign(payload)).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = cookieValue.substring(signatureStart + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, presented)) {
            return false;
        }
        if (verified.size() >= VERIFIED_LIMIT) {
            verified.clear();
        }
        verified.put(cookieValue, expiresAt);
        return now.getEpochSecond() < expiresAt;
    }

    private byte[] sign(String payload) {
        return hmac(signingKey, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
