package dev.orgpulse.ingest.github;

import java.time.Clock;
import java.time.Instant;

import dev.orgpulse.ingest.enrich.AccessToken;

/**
 * Credentials that are one expiring bearer token at a time: reused while usable, issued anew when it nears its
 * expiry or GitHub refused it.
 */
abstract class RenewedToken implements GitHubCredentials {

    private final Clock clock;
    private AccessToken current;

    RenewedToken(Clock clock) {
        this.clock = clock;
    }

    /** @return a new token, valid from {@code now} */
    abstract AccessToken issue(Instant now);

    @Override
    public final synchronized String authorization() {
        Instant now = clock.instant();
        if (current == null || !current.usableAt(now)) {
            current = issue(now);
        }
        return bearer(current);
    }

    @Override
    public final synchronized void refused(String authorization) {
        // a refusal of a token already replaced says nothing about the one in use
        if (current != null && authorization.equals(bearer(current))) {
            current = null;
        }
    }

    private static String bearer(AccessToken token) {
        return "Bearer " + token.value();
    }
}
