package dev.orgpulse.query.gate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who may read: the holder of the shared access key (as a Bearer token, or through a session cookie from the
 * login page), a Google Workspace account of the allowed domain (through a session cookie from Google sign-in), or
 * anyone when the dev bypass is on. With none configured nobody gets in. Deny by default: only the paths a stranger
 * needs to sign in (and the health probes) are open.
 */
public final class ViewerGate {

    /** What a request path is, as far as the gate is concerned. */
    public enum Area {
        /** {@code /api} and below: refused with 401 JSON. */
        API,
        /** Every other path (the wall, the people and repository pages, unknown paths): refused by sending the browser to the login page. */
        PAGE,
        /**
         * Login, logout, static assets and {@code /healthz}: never gated. Quarkus's health probes and metrics answer on
         * the management port only, which this gate does not see.
         */
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

    /** The {@code WWW-Authenticate} header of an API request refused. */
    public static final String CHALLENGE = "Bearer realm=\"orgpulse\"";

    private static final String BEARER = "Bearer ";
    private static final Set<String> OPEN_PATHS = Set.of("/login", GoogleSignIn.PATH, "/logout", "/healthz",
            "/favicon.ico");
    private static final List<String> OPEN_PREFIXES = List.of("/assets/");

    private final byte[] accessKeyDigest;
    private final SessionSigner sessions;
    private final boolean devBypass;

    /**
     * @param accessKey          the shared key, if any
     * @param googleClientSecret the Google sign-in client secret when Google sign-in is on
     * @param devBypass          opens the gate to anyone
     */
    public ViewerGate(Optional<String> accessKey, Optional<String> googleClientSecret, boolean devBypass) {
        Optional<String> key = accessKey.filter(value -> !value.isBlank());
        Optional<String> google = googleClientSecret.filter(value -> !value.isBlank());
        this.accessKeyDigest = key.map(ViewerGate::digest).orElse(null);
        // sessions are signed with a key derived from every configured sign-in secret: rotating one ends them all
        String signingSecret = Stream.of(key, google).flatMap(Optional::stream).collect(Collectors.joining("\n"));
        this.sessions = signingSecret.isEmpty() ? null : new SessionSigner(signingSecret);
        this.devBypass = devBypass;
    }

    public static Area areaOf(String path) {
        if (path.equals("/api") || path.startsWith("/api/")) {
            return Area.API;
        }
        boolean open = OPEN_PATHS.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
        return open && !path.contains("/../") ? Area.OPEN : Area.PAGE;
    }

    public boolean devBypass() {
        return devBypass;
    }

    public boolean hasAccessKey() {
        return accessKeyDigest != null;
    }

    /** Whether anyone can sign in at all: an access key or Google sign-in is configured. */
    public boolean hasSignIn() {
        return sessions != null;
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     * @param sessionCookie the session cookie's value, or null
     */
    public Verdict admit(String authorization, String sessionCookie, Instant now) {
        if (devBypass) {
            return Verdict.admit("dev auth bypass");
        }
        if (!hasSignIn()) {
            return Verdict.refuse("no viewer gate is configured (ORGPULSE_ACCESS_KEY or ORGPULSE_OIDC_CLIENT_ID),"
                    + " so the API is closed");
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

    /** A signed session cookie value for a viewer who presented the access key or signed in with Google. */
    public String openSession(Instant expiresAt) {
        if (!hasSignIn()) {
            throw new IllegalStateException("no sign-in is configured, so no session can be signed");
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
