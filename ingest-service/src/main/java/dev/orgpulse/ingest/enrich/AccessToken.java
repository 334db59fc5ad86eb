package dev.orgpulse.ingest.enrich;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.LogJson;

/**
 * An access token and the moment to stop using it: shortly before it expires, so that a request sent with it does
 * not reach the API just after it ran out. Google's OAuth tokens and GitHub's App installation tokens alike.
 */
public record AccessToken(String value, Instant refreshAt) {

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
        return expiring(token.path("access_token").textValue(), receivedAt,
                receivedAt.plusSeconds(token.path("expires_in").asLong()), REFRESH_MARGIN);
    }

    /**
     * @param margin how long before expiry it is replaced; at most half its lifetime, for a short-lived token
     */
    public static AccessToken expiring(String value, Instant receivedAt, Instant expiresAt, Duration margin) {
        Duration half = Duration.between(receivedAt, expiresAt).dividedBy(2);
        return new AccessToken(value, expiresAt.minus(margin.compareTo(half) < 0 ? margin : half));
    }

    public boolean usableAt(Instant now) {
        return now.isBefore(refreshAt);
    }

    /** The token stays out of logs. */
    @Override
    public String toString() {
        return "AccessToken[refresh at " + refreshAt + "]";
    }
}
