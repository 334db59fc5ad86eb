package dev.orgpulse.ingest.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.GitHubPayloads;
import dev.orgpulse.eventlog.MalformedRecordException;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.ingest.config.IngestConfig;
import dev.orgpulse.ingest.delivery.DeliveryOutcomes;
import dev.orgpulse.ingest.delivery.Rejection;
import dev.orgpulse.ingest.log.LogAppender;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;

/**
 * Takes a GitHub delivery from its request to the log: media type, size cap, signature (on the raw bytes,
 * before anything parses them), then the headers and payload, then the append.
 */
@ApplicationScoped
public class GitHubIntake {

    private static final Logger LOG = Logger.getLogger(GitHubIntake.class);

    private final WebhookSignature signature;
    private final long maxBodyBytes;
    private final LogAppender log;
    private final DeliveryOutcomes outcomes;
    private final long serverBodyLimit;

    public GitHubIntake(IngestConfig config, LogAppender log, DeliveryOutcomes outcomes,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize serverBodyLimit) {
        this.signature = new WebhookSignature(config.github().webhookSecrets().orElse(List.of()));
        this.maxBodyBytes = config.ingest().maxBodySize().asLongValue();
        this.log = log;
        this.outcomes = outcomes;
        this.serverBodyLimit = serverBodyLimit.asLongValue();
    }

    void reportSetup(@Observes StartupEvent started) {
        if (signature.hasSecrets()) {
            LOG.infof("GitHub deliveries are verified against the configured webhook secrets; bodies up to %d bytes",
                    maxBodyBytes);
        } else {
            LOG.error("No GitHub webhook secret is configured (ORGPULSE_GITHUB_WEBHOOK_SECRETS): "
                    + "EVERY delivery to /webhooks/github will be refused with 401");
        }
        if (serverBodyLimit <= maxBodyBytes) {
            LOG.warnf("quarkus.http.limits.max-body-size (%d bytes) is not above orgpulse.ingest.max-body-size "
                    + "(%d bytes): the server refuses oversized bodies itself, without logging or counting them",
                    serverBodyLimit, maxBodyBytes);
        }
    }

    /**
     * @return the delivery's metadata, once the broker acknowledged its record
     * @throws dev.orgpulse.ingest.delivery.DeliveryRejectedException (thrown or as the failure) when it is not on the log
     */
    public Uni<DeliveryMetadata> accept(GitHubDelivery delivery, InputStream bodyStream) {
        if (!delivery.hasSupportedMediaType()) {
            throw delivery.reject(Rejection.UNSUPPORTED_MEDIA_TYPE, "media type " + delivery.contentType()
                    + " is not accepted; send application/json or application/x-www-form-urlencoded");
        }
        byte[] body = read(delivery, bodyStream);
        String verifiedBy = verify(delivery, body);
        String key = recordKey(delivery, body);
        DeliveryMetadata metadata = DeliveryMetadata.accepted(Sources.GITHUB, delivery.eventType(),
                delivery.deliveryId(), Instant.now(), delivery.contentType(), verifiedBy);
        return log.append(key, body, metadata)
                .onFailure().transform(failure -> failure instanceof RecordTooLargeException
                        ? delivery.reject(Rejection.TOO_LARGE, "the log does not take records this large", failure)
                        : delivery.reject(Rejection.LOG_UNAVAILABLE,
                                "the log did not acknowledge the delivery; retry later", failure))
                .invoke(position -> outcomes.accepted(metadata, position))
                .replaceWith(metadata);
    }

    private byte[] read(GitHubDelivery delivery, InputStream bodyStream) {
        try {
            return BoundedBody.read(bodyStream, delivery.declaredLength(), maxBodyBytes);
        } catch (BodyTooLargeException e) {
            throw delivery.reject(Rejection.TOO_LARGE, e.getMessage());
        } catch (IOException e) {
            throw delivery.reject(Rejection.MALFORMED, "body could not be read: " + e.getMessage(), e);
        }
    }

    private String verify(GitHubDelivery delivery, byte[] body) {
        try {
            return signature.verify(body, delivery.signature());
        } catch (InvalidSignatureException e) {
            throw delivery.reject(Rejection.BAD_SIGNATURE, e.getMessage());
        }
    }

    private static String recordKey(GitHubDelivery delivery, byte[] body) {
        if (isBlank(delivery.eventType()) || isBlank(delivery.deliveryId())) {
            throw delivery.reject(Rejection.MALFORMED,
                    "both " + GitHubDelivery.EVENT_HEADER + " and " + GitHubDelivery.DELIVERY_HEADER + " are required");
        }
        try {
            JsonNode payload = GitHubPayloads.parse(body, delivery.contentType());
            return GitHubPayloads.recordKey(payload);
        } catch (MalformedRecordException e) {
            throw delivery.reject(Rejection.MALFORMED, e.getMessage());
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
