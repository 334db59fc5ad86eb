package dev.orgpulse.query.gate;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses state-changing requests (sign-in, sign-out) that a browser sends on behalf of another site: a form on
 * evil.example posting to {@code /login} would otherwise log the viewer into the attacker's session. Browsers say
 * where a request comes from in {@code Sec-Fetch-Site} and {@code Origin}; either one pointing elsewhere refuses it.
 * Clients that send neither (curl, scripts) are not browsers acting for someone else and pass. The session cookie is
 * {@code SameSite=Lax} as a second line.
 */
public final class CrossSiteCheck {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

    private CrossSiteCheck() {
    }

    /** Whether requests of this method may change state, and so are checked at all (GET, HEAD, OPTIONS are not). */
    public static boolean changesState(String method) {
        return !SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * @param method        the HTTP method
     * @param secFetchSite  the {@code Sec-Fetch-Site} header, or null
     * @param origin        the {@code Origin} header, or null
     * @param host          the host (and port) the browser addressed: {@code X-Forwarded-Host} behind a proxy, else {@code Host}
     * @return why the request is refused, or empty
     */
    public static Optional<String> refusal(String method, String secFetchSite, String origin, String host) {
        if (!changesState(method)) {
            return Optional.empty();
        }
        if (secFetchSite != null && !OWN_FETCH_SITES.contains(secFetchSite.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("cross-site request refused (Sec-Fetch-Site: " + secFetchSite + ")");
        }
        if (origin != null && !sameHost(origin, host)) {
            return Optional.of("cross-site request refused (Origin: " + origin + ")");
        }
        return Optional.empty();
    }

    private static boolean sameHost(String origin, String host) {
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            String authority = URI.create(origin.trim()).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }
}
