package dev.orgpulse.query.web;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The path under which the browser sees the service when a reverse proxy publishes it below a prefix
 * ({@code https://tools.example.com/orgpulse/} → {@code /orgpulse}): pages name it in their {@code <base href>} so
 * that every link, script and API call stays under it, and redirects lead there. The configured
 * {@code ORGPULSE_URL_PREFIX} wins; without it the proxy's {@code X-Forwarded-Prefix} is honoured.
 */
public final class UrlPrefix {

    public static final String FORWARDED_PREFIX = "X-Forwarded-Prefix";

    // plain path segments only: the prefix is written into pages and Location headers
    private static final Pattern SEGMENTS = Pattern.compile("(/[A-Za-z0-9._~-]+)*");

    private final Optional<String> configured;

    public UrlPrefix(Optional<String> configured) {
        this.configured = configured.filter(value -> !value.isBlank()).map(UrlPrefix::normalize);
    }

    /** {@code orgpulse/} → {@code /orgpulse}, {@code /} → empty; anything but plain path segments is refused. */
    public static String normalize(String prefix) {
        String trimmed = prefix.trim();
        String withSlash = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        String normalized = withSlash.endsWith("/") ? withSlash.substring(0, withSlash.length() - 1) : withSlash;
        if (!SEGMENTS.matcher(normalized).matches() || normalized.contains("/../") || normalized.endsWith("/..")) {
            throw new IllegalArgumentException("a URL prefix is plain path segments such as /orgpulse, not '" + prefix + "'");
        }
        return normalized;
    }

    /** The prefix of a request that came with this {@code X-Forwarded-Prefix} (null when none); a bad one is ignored. */
    public String of(String forwardedPrefix) {
        if (configured.isPresent()) {
            return configured.get();
        }
        if (forwardedPrefix == null || forwardedPrefix.isBlank()) {
            return "";
        }
        try {
            return normalize(forwardedPrefix);
        } catch (IllegalArgumentException unsafe) {
            return "";
        }
    }
}
