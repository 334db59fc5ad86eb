package dev.orgpulse.ingest.webhook;

import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import dev.orgpulse.eventlog.GitHubPayloads;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.ingest.delivery.DeliveryRejectedException;
import dev.orgpulse.ingest.delivery.MediaTypes;
import dev.orgpulse.ingest.delivery.Rejection;

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

    public static GitHubDelivery from(HttpHeaders headers) {
        return new GitHubDelivery(
                headers.getHeaderString(EVENT_HEADER),
                headers.getHeaderString(DELIVERY_HEADER),
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                headers.getHeaderString(WebhookSignature.HEADER),
                headers.getLength());
    }

    public boolean hasSupportedMediaType() {
        return MediaTypes.isOneOf(contentType, SUPPORTED_MEDIA_TYPES);
    }

    public DeliveryRejectedException reject(Rejection rejection, String detail) {
        return new DeliveryRejectedException(Sources.GITHUB, deliveryId, rejection, detail, null);
    }
}
