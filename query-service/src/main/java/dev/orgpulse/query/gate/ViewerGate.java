package dev.orgpulse.query.gate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Optional;

/**
 * Who may read: the holder of the shared access key (as a Bearer token, or through a session cookie from the
 * login page), or anyone when the dev bypass is on. With neither configured nobody gets in.
 */
public final class ViewerGate {

    /** What a request path is, as far as the gate is concerned. */
    public enum Area {
        /** {@code /api} and below: refused with 401 JSON. */
        API,
        /** The dashboard page: refused by sending the browser to the login page. */
        PAGE,
        /** Login, logout, health, assets: never gated. */
        OPEN
    }

    public record Verdict(boolean admitted, String reason) {

        static Verdict admit(String reason) {
            return new Verdict(true, reason);
        }

        static Verdict refuse(String reason) {
            return new Verdict(false, reason);
        }
    }

    private static final String BEARER = "Bearer ";

    private final byte[] accessKeyDigest;
    private final SessionSigner sessions;
    private final boolean devBypass;

    public ViewerGate(Optional<String> accessKey, boolean devBypass) {
        Optional<String> key = accessKey.filter(value -> !value.isBlank());
        this.accessKeyDigest = key.map(ViewerGate::digest).orElse(null);
        this.sessions = key.map(SessionSigner::new).orElse(null);
        this.devBypass = devBypass;
    }

    public static Area areaOf(String path) {
        if (path.equals("/api") || path.startsWith("/api/")) {
            return Area.API;
        }
        return path.isEmpty() || path.equals("/") ? Area.PAGE : Area.OPEN;
    }

    public boolean devBypass() {
        return devBypass;
    }

    public boolean hasAccessKey() {
        return accessKeyDigest != null;
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     * @param sessionCookie the session cookie's value, or null
     */
    public Verdict admit(String authorization, String sessionCookie, Instant now) {
        if (devBypass) {
            return Verdict.admit("dev auth bypass");
        }
        if (!hasAccessKey()) {
            return Verdict.refuse("no viewer gate is configured (ORGPULSE_ACCESS_KEY), so the API is closed");
        }
        if (authorization != null) {
            boolean bearer = authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
            return bearer && acceptsKey(authorization.substring(BEARER.length()).trim())
                    ? Verdict.admit("access key")
                    : Verdict.refuse("the Authorization header does not carry the access key");
        }
        if (sessionCookie != null) {
            return sessions.verify(sessionCookie, now)
                    ? Verdict.admit("session")
                    : Verdict.refuse("the session is invalid or has expired; sign in again");
        }
        return Verdict.refuse("sign in at /login or send Authorization: Bearer <access key>");
    }

    /** Constant-time check of a presented key; false whenever no access key is configured. */
    public boolean acceptsKey(String presented) {
        return hasAccessKey() && presented != null && MessageDigest.isEqual(accessKeyDigest, digest(presented));
    }

    /** A signed session cookie value for a viewer who presented the access key. */
    public String openSession(Instant expiresAt) {
        if (!hasAccessKey()) {
            throw new IllegalStateException("no access key configured, so no session can be signed");
        }
        return sessions.issue(expiresAt);
    }

    // comparing digests keeps the comparison's time independent of where, and whether in length, the keys differ
    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
