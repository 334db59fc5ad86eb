package dev.orgpulse.ingest.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.ingest.config.IngestConfig;
import dev.orgpulse.ingest.error.Causes;
import dev.orgpulse.ingest.log.LogAppender;
import dev.orgpulse.ingest.log.LogOutcomeUnknownException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;

/**
 * The steps every source shares on its way to the log: the body read whole under the cap, and, once the
 * source's own checks passed, the record appended and the broker's answer turned into the sender's answer.
 */
@ApplicationScoped
public class LogIntake {

    private static final Logger LOG = Logger.getLogger(LogIntake.class);

    private final LogAppender log;
    private final DeliveryOutcomes outcomes;
    private final long maxBodyBytes;
    private final long serverBodyLimit;

    public LogIntake(IngestConfig config, LogAppender log, DeliveryOutcomes outcomes,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize serverBodyLimit) {
        this.log = log;
        this.outcomes = outcomes;
        this.maxBodyBytes = config.ingest().maxBodySize().asLongValue();
        this.serverBodyLimit = serverBodyLimit.asLongValue();
    }

    void reportSetup(@Observes StartupEvent started) {
        LOG.infof("Deliveries are accepted with bodies up to %d bytes", maxBodyBytes);
        if (serverBodyLimit <= maxBodyBytes) {
            LOG.warnf("quarkus.http.limits.max-body-size (%d bytes) is not above orgpulse.ingest.max-body-size "
                    + "(%d bytes): the server refuses oversized bodies itself, without logging or counting them",
                    serverBodyLimit, maxBodyBytes);
        }
    }

    /**
     * Reads the body from a blocking stream, on a worker thread.
     *
     * @param deliveryId the sender's claim, {@code null} while it is only known from the body
     * @param declaredLength the Content-Length, negative when the body is chunked
     * @throws DeliveryRejectedException when the body is over the cap or could not be read
     */
    public byte[] read(String source, String deliveryId, InputStream body, long declaredLength) {
        try {
            return BoundedBody.read(body, declaredLength, maxBodyBytes);
        } catch (BodyTooLargeException e) {
            throw tooLarge(source, deliveryId, e);
        } catch (IOException e) {
            throw unreadable(source, deliveryId, e);
        }
    }

    /**
     * Reads the body of a paused, unread request on the event loop (see {@link BoundedBody}).
     *
     * @param deliveryId the sender's claim, {@code null} while it is only known from the body
     * @param declaredLength the Content-Length, negative when the body is chunked
     * @return the body; else fails with a {@link DeliveryRejectedException}: over the cap, or not received whole
     */
    public CompletionStage<byte[]> read(String source, String deliveryId, HttpServerRequest request,
            long declaredLength) {
        // the server's own limit only checks the Content-Length of a body it does not read itself: kept here too
        return BoundedBody.read(request, declaredLength, Math.min(maxBodyBytes, serverBodyLimit))
                .handle((body, failure) -> {
                    if (failure == null) {
                        return body;
                    }
                    Throwable cause = Causes.unwrapped(failure);
                    throw cause instanceof BodyTooLargeException tooLarge
                            ? tooLarge(source, deliveryId, tooLarge)
                            : unreadable(source, deliveryId, cause);
                });
    }

    /**
     * Appends a verified delivery, its body exactly as received.
     *
     * @return the delivery's metadata, once its record is committed to the log; else fails with a
     *         {@link DeliveryRejectedException} (inside a {@link java.util.concurrent.CompletionException})
     */
    public CompletionStage<DeliveryMetadata> append(String key, byte[] body, DeliveryMetadata metadata) {
        return log.append(key, body, metadata).handle((position, failure) -> {
            if (failure != null) {
                throw notAppended(metadata, Causes.unwrapped(failure));
            }
            outcomes.accepted(metadata, position);
            return metadata;
        });
    }

    private static DeliveryRejectedException notAppended(DeliveryMetadata metadata, Throwable failure) {
        if (failure instanceof RecordTooLargeException) {
            return rejected(metadata, Rejection.TOO_LARGE, "the log does not take records this large", failure);
        }
        if (failure instanceof LogOutcomeUnknownException) {
            return rejected(metadata, Rejection.LOG_OUTCOME_UNKNOWN,
                    "the log may or may not have the delivery; deliver it again", failure);
        }
        return rejected(metadata, Rejection.LOG_UNAVAILABLE, "the log did not take the delivery; retry later",
                failure);
    }

    private static DeliveryRejectedException tooLarge(String source, String deliveryId, BodyTooLargeException e) {
        return new DeliveryRejectedException(source, deliveryId, Rejection.TOO_LARGE, e.getMessage(), null);
    }

    private static DeliveryRejectedException unreadable(String source, String deliveryId, Throwable failure) {
        return new DeliveryRejectedException(source, deliveryId, Rejection.MALFORMED,
                "body could not be read: " + failure.getMessage(), failure);
    }

    private static DeliveryRejectedException rejected(DeliveryMetadata metadata, Rejection rejection, String detail,
            Throwable cause) {
        return new DeliveryRejectedException(metadata.source(), metadata.deliveryId(), rejection, detail, cause);
    }
}
