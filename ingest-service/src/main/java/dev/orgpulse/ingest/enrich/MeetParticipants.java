package dev.orgpulse.ingest.enrich;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.LogJson;
import io.smallrye.mutiny.Uni;

/** The Meet REST API's {@code conferenceRecords.participants.get}: who a participant of a conference is. */
final class MeetParticipants {

    private final String apiUrl;
    private final GoogleAccessTokens tokens;
    private final GoogleHttp http;

    /** @param apiUrl the API up to its version, e.g. {@code https://meet.googleapis.com/v2} */
    MeetParticipants(String apiUrl, GoogleAccessTokens tokens, GoogleHttp http) {
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.tokens = tokens;
        this.http = http;
    }

    /**
     * @param name {@code conferenceRecords/<c>/participants/<p>}
     * @return the API's JSON answer, the bytes exactly as received; fails with a {@link GoogleApiException}
     */
    Uni<byte[]> get(String name) {
        String call = "the Meet API's participants.get for " + name;
        return tokens.current().chain(token -> http.send(HttpRequest.newBuilder(URI.create(apiUrl + "/" + name))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET(), call)
                .map(response -> participant(response, token, call)));
    }

    private byte[] participant(HttpResponse<byte[]> response, String token, String call) {
        int status = response.statusCode();
        if (status == 200) {
            requireJsonObject(response.body(), call);
            return response.body();
        }
        if (status == 404) {
            throw GoogleApiException.answered(GoogleApiException.Kind.NOT_FOUND, call, status, response.body());
        }
        if (status == 401) {
            // the token went bad before its time: the next attempt asks for a fresh one
            tokens.discard(token);
            throw GoogleApiException.answered(GoogleApiException.Kind.TRANSIENT, call, status, response.body());
        }
        GoogleApiException.Kind kind = GoogleApiException.isTransientStatus(status)
                ? GoogleApiException.Kind.TRANSIENT
                : GoogleApiException.Kind.REFUSED;
        throw GoogleApiException.answered(kind, call, status, response.body());
    }

    /** What goes on the log must be what a fold can read: a 200 from a proxy's error page is not an answer. */
    private static void requireJsonObject(byte[] body, String call) {
        try {
            JsonNode participant = LogJson.MAPPER.readTree(body);
            if (participant != null && participant.isObject()) {
                return;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new GoogleApiException(GoogleApiException.Kind.REFUSED, call + " answered 200 without a JSON object");
    }
}
