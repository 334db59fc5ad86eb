package dev.orgpulse.ingest.enrich;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.LogJson;

/**
 * An OAuth access token and the moment to stop using it: shortly before it expires, so that a request sent with
 * it does not reach Google just after it ran out.
 */
record AccessToken(String value, Instant refreshAt) {

    /** Replaced this long before expiry (or half its lifetime for a short-lived token). */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(1);

    /**
     * @param answer the token endpoint's JSON answer ({@code access_token}, {@code expires_in} in seconds)
     * @throws GoogleApiException ({@link GoogleApiException.Kind#REFUSED}) when the answer holds no token
     */
    static AccessToken fromAnswer(byte[] answer, Instant receivedAt) {
        JsonNode token;
        try {
            token = LogJson.MAPPER.readTree(answer);
        } catch (IOException e) {
            throw new GoogleApiException(GoogleApiException.Kind.REFUSED, "the token endpoint answered no JSON");
        }
        if (token == null || !token.path("access_token").isTextual() || !token.path("expires_in").canConvertToLong()) {
            throw new GoogleApiException(GoogleApiException.Kind.REFUSED,
                    "the token endpoint's answer has no access_token and expires_in");
        }
        Duration lifetime = Duration.ofSeconds(token.path("expires_in").asLong());
        Duration margin = REFRESH_MARGIN.compareTo(lifetime.dividedBy(2)) < 0 ? REFRESH_MARGIN : lifetime.dividedBy(2);
        return new AccessToken(token.path("access_token").textValue(), receivedAt.plus(lifetime).minus(margin));
    }

    boolean usableAt(Instant now) {
        return now.isBefore(refreshAt);
    }

    /** The token stays out of logs. */
    @Override
    public String toString() {
        return "AccessToken[refresh at " + refreshAt + "]";
    }
}
