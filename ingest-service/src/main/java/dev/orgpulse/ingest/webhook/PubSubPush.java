package dev.orgpulse.ingest.webhook;

import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.ingest.delivery.DeliveryRejectedException;
import dev.orgpulse.ingest.delivery.MediaTypes;
import dev.orgpulse.ingest.delivery.Rejection;

/**
 * What a Pub/Sub push says in its request headers. Its message id is inside the body, so a rejection before
 * the body is read names no delivery.
 *
 * @param declaredLength the Content-Length, negative when the body is chunked
 */
public record PubSubPush(String authorization, String contentType, long declaredLength) {

    private static final Set<String> SUPPORTED_MEDIA_TYPES = Set.of(MediaType.APPLICATION_JSON);

    public static PubSubPush from(HttpHeaders headers) {
        return new PubSubPush(
                headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                headers.getLength());
    }

    public boolean hasSupportedMediaType() {
        return MediaTypes.isOneOf(contentType, SUPPORTED_MEDIA_TYPES);
    }

    /** @param messageId the envelope's message id once it could be read, else {@code null} */
    public DeliveryRejectedException reject(String messageId, Rejection rejection, String detail, Throwable cause) {
        return new DeliveryRejectedException(Sources.PUBSUB, messageId, rejection, detail, cause);
    }
}
