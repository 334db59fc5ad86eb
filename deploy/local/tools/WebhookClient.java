package tools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts webhook deliveries to a URL as GitHub does for an organisation hook: the JSON body with
 * {@code X-GitHub-Event}, {@code X-GitHub-Delivery}, the hook's headers, and {@code X-Hub-Signature-256}
 * (HMAC-SHA256 of the exact body bytes with the secret; {@code X-Hub-Signature} is the legacy SHA-1).
 */
final class WebhookClient {

    private final HttpClient http;
    private final URI url;
    /** One keyed MAC per thread and algorithm: looking one up and keying it cost more than signing a 4 KB body. */
    private final ThreadLocal<Mac> sha256;
    private final ThreadLocal<Mac> sha1;
    private final long organisationId;
    private final String hookId = String.valueOf(400_000_000 + new Random().nextInt(99_999_999));
    private final String userAgent = "GitHub-Hookshot/" + HexFormat.of().toHexDigits(new Random().nextInt()).substring(1);

    /** What came back: the status (0 when no answer came), a line for a log, and a Retry-After (or null). */
    record Answer(int status, String outcome, Duration retryAfter) {
    }

    WebhookClient(HttpClient http, URI url, String secret, long organisationId) {
        this.http = http;
        this.url = url;
        SecretKeySpec sha256Key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        SecretKeySpec sha1Key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
        this.sha256 = ThreadLocal.withInitial(() -> mac(sha256Key));
        this.sha1 = ThreadLocal.withInitial(() -> mac(sha1Key));
        this.organisationId = organisationId;
    }

    /** An HTTP/1.1 client (as GitHub's deliveries come) that gives up connecting after 5 s. */
    static HttpClient.Builder httpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
    }

    /** A signed delivery. Sent again, as a retry, it keeps its delivery id, as GitHub's redeliveries do. */
    HttpRequest request(String event, String deliveryId, byte[] body) {
        return request(url, event, deliveryId, body);
    }

    /** A signed delivery to another URL than the client's (another instance of the same service). */
    HttpRequest request(URI to, String event, String deliveryId, byte[] body) {
        return HttpRequest.newBuilder(to)
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("Accept", "*/*")
                .header("User-Agent", userAgent)
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", deliveryId)
                .header("X-GitHub-Hook-ID", hookId)
                .header("X-GitHub-Hook-Installation-Target-Type", "organization")
                .header("X-GitHub-Hook-Installation-Target-ID", String.valueOf(organisationId))
                .header("X-Hub-Signature", "sha1=" + HexFormat.of().formatHex(sha1.get().doFinal(body)))
                .header("X-Hub-Signature-256", signature256(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** Sends once; the outcome is the status, with the start of the body when it is not a 2xx. */
    Answer send(HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String body = response.body().replaceAll("\\s+", " ").trim();
            String outcome = status < 300 || body.isEmpty() ? String.valueOf(status)
                    : status + " " + (body.length() > 160 ? body.substring(0, 160) + "..." : body);
            Duration retryAfter = response.headers().firstValue("Retry-After").map(WebhookClient::seconds).orElse(null);
            return new Answer(status, outcome, retryAfter);
        } catch (IOException e) {
            return new Answer(0, "no answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", null);
        }
    }

    /** The {@code X-Hub-Signature-256} header's value for a body. */
    String signature256(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(sha256.get().doFinal(body));
    }

    /** Retry-After in seconds, at most a minute; null when it is not a number (an HTTP date, say). */
    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Math.min(Long.parseLong(value.trim()), 60));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(key.getAlgorithm());
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(key.getAlgorithm() + " is part of every JDK", e);
        }
    }
}
