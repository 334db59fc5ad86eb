package dev.orgpulse.ingest.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.ingest.enrich.AccessToken;

/**
 * A GitHub App acting in one organisation: its installation there is looked up once, and an installation token
 * (an hour long) is fetched with the App's JWT and reused until shortly before it expires.
 */
final class InstallationTokens extends RenewedToken {

    /** Renewed this long before expiry, so that a long paged read does not cross it. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(InstallationTokens.class);

    private final GitHubApi asApp;
    private final String org;
    private Long installationId;

    /** @param asApp calls GitHub as the App itself ({@link AppJwt}) */
    InstallationTokens(GitHubApi asApp, String org, Clock clock) {
        super(clock);
        this.asApp = asApp;
        this.org = org;
    }

    @Override
    public String describe() {
        return asApp.credentials().describe() + " installed on " + org;
    }

    @Override
    AccessToken issue(Instant now) {
        if (installationId == null) {
            installationId = asApp.get("/orgs/" + org + "/installation").path("id").asLong();
            LOG.infof("%s: installation %d", describe(), installationId);
        }
        JsonNode answer = asApp.post("/app/installations/" + installationId + "/access_tokens",
                LogJson.MAPPER.createObjectNode());
        if (!answer.path("token").isTextual()) {
            throw new GitHubApiException(200, "the installation token answer has no token", null);
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.parse(answer.path("expires_at").asText());
        } catch (DateTimeParseException e) {
            throw new GitHubApiException(200, "the installation token answer has no expires_at", e);
        }
        LOG.debugf("%s: new installation token, expires at %s", describe(), expiresAt);
        return AccessToken.expiring(answer.path("token").textValue(), now, expiresAt, REFRESH_MARGIN);
    }
}
