package dev.orgpulse.ingest.enrich;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

import io.smallrye.mutiny.Uni;

/**
 * Access tokens of Google's service-account flow with domain-wide delegation: a signed {@link JwtAssertion} traded
 * at the key file's {@code token_uri} for a token, which is reused until shortly before it expires.
 */
final class GoogleAccessTokens {

    static final String MEET_READONLY_SCOPE = "https://www.googleapis.com/auth/meetings.space.readonly";

    private final ServiceAccountKey key;
    private final String subject;
    private final GoogleHttp http;
    private final Clock clock;
    private final AtomicReference<AccessToken> cached = new AtomicReference<>();

    GoogleAccessTokens(ServiceAccountKey key, String subject, GoogleHttp http, Clock clock) {
        this.key = key;
        this.subject = subject;
        this.http = http;
        this.clock = clock;
    }

    /** @return a usable access token: the cached one, or a new one when it is about to expire */
    Uni<String> current() {
        return Uni.createFrom().deferred(() -> {
            AccessToken token = cached.get();
            if (token != null && token.usableAt(clock.instant())) {
                return Uni.createFrom().item(token.value());
            }
            return fetch();
        });
    }

    /** Google refused this token before it was due to expire (revoked, say): the next call fetches another. */
    void discard(String refused) {
        cached.updateAndGet(token -> token != null && token.value().equals(refused) ? null : token);
    }

    private Uni<String> fetch() {
        String form = "grant_type=" + urlEncoded(JwtAssertion.GRANT_TYPE)
                + "&assertion=" + urlEncoded(JwtAssertion.sign(key, subject, MEET_READONLY_SCOPE, clock.instant()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(key.tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        String call = "the token request for " + subject + " at " + key.tokenUri();
        return http.send(request, call)
                .map(response -> token(response, call))
                .invoke(cached::set)
                .map(AccessToken::value);
    }

    private AccessToken token(HttpResponse<byte[]> response, String call) {
        int status = response.statusCode();
        if (status == 200) {
            return AccessToken.fromAnswer(response.body(), clock.instant());
        }
        // 400 invalid_grant, 401 unauthorized_client: the key, the subject or the delegation needs fixing
        GoogleApiException.Kind kind = GoogleApiException.isTransientStatus(status)
                ? GoogleApiException.Kind.TRANSIENT
                : GoogleApiException.Kind.REFUSED;
        throw GoogleApiException.answered(kind, call, status, response.body());
    }

    private static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
