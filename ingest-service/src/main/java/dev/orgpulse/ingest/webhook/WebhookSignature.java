package dev.orgpulse.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's webhook signature: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>}, checked
 * against every configured secret so that a secret can be rotated. Works on the bytes as received, before
 * anything parses them.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Hub-Signature-256";

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";
    private static final int DIGEST_HEX_LENGTH = 64;
    private static final String LABEL_PREFIX = "github-secret-";

    private final List<SecretKeySpec> keys;

    /** @param secrets in configuration order; blank entries are ignored */
    public WebhookSignature(List<String> secrets) {
        this.keys = secrets.stream()
                .map(String::strip)
                .filter(secret -> !secret.isEmpty())
                .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM))
                .toList();
    }

    public boolean hasSecrets() {
        return !keys.isEmpty();
    }

    /**
     * @return a label naming, without revealing it, the secret that signed the body: {@code github-secret-<n>},
     *         n being its 1-based position in the configuration
     * @throws InvalidSignatureException when the header is missing or malformed, or no secret signed this body
     */
    public String verify(byte[] body, String header) {
        byte[] claimed = parse(header);
        if (keys.isEmpty()) {
            throw new InvalidSignatureException("no webhook secret is configured");
        }
        for (int index = 0; index < keys.size(); index++) {
            if (MessageDigest.isEqual(hmac(keys.get(index), body), claimed)) {
                return LABEL_PREFIX + (index + 1);
            }
        }
        throw new InvalidSignatureException("signature matches no configured secret");
    }

    private static byte[] parse(String header) {
        if (header == null || header.isBlank()) {
            throw new InvalidSignatureException("missing " + HEADER + " header");
        }
        if (!header.startsWith(PREFIX)) {
            throw new InvalidSignatureException(HEADER + " does not start with " + PREFIX);
        }
        String hex = header.substring(PREFIX.length());
        if (hex.length() != DIGEST_HEX_LENGTH) {
            throw new InvalidSignatureException(HEADER + " does not hold a " + DIGEST_HEX_LENGTH + "-digit digest");
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new InvalidSignatureException(HEADER + " is not hexadecimal");
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        }
    }
}
