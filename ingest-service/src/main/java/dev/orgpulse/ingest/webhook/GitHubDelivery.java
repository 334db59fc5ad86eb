package dev.orgpulse.ingest.webhook;

import java.util.Set;

import jakarta.ws.rs.core.MediaType;

import dev.orgpulse.eventlog.GitHubPayloads;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.ingest.delivery.DeliveryRejectedException;
import dev.orgpulse.ingest.delivery.MediaTypes;
import dev.orgpulse.ingest.delivery.Rejection;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * What GitHub says about a delivery in its request headers; each may be missing until the delivery is verified.
 *
 * @param declaredLength the Content-Length, negative when the body is chunked
 */
public record GitHubDelivery(String eventType, String deliveryId, String contentType, String signature,
        long declaredLength) {

    public static final String EVENT_HEADER = "X-GitHub-Event";
    public static final String DELIVERY_HEADER = "X-GitHub-Delivery";

    /** GitHub posts either JSON or a form whose {@code payload} field holds the JSON. */
    private static final Set<String> SUPPORTED_MEDIA_TYPES = Set.of(MediaType.APPLICATION_JSON,
            GitHubPayloads.FORM_CONTENT_TYPE);

    public static GitHubDelivery from(MultiMap headers) {
        return new GitHubDelivery(headers.get(EVENT_HEADER), headers.get(DELIVERY_HEADER),
                headers.get(HttpHeaders.CONTENT_TYPE), headers.get(WebhookSignature.HEADER),
                declaredLength(headers.get(HttpHeaders.CONTENT_LENGTH)));
    }

    /** Chunked bodies have no Content-Length; one that is not a number leaves the cap to the streaming read. */
    private static long declaredLength(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    public boolean hasSupportedMediaType() {
        return MediaTypes.isOneOf(contentType, SUPPORTED_MEDIA_TYPES);
    }

    public DeliveryRejectedException reject(Rejection rejection, String detail) {
        return new DeliveryRejectedException(Sources.GITHUB, deliveryId, rejection, detail, null);
    }
}
