package dev.orgpulse.ingest.webhook;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.GitHubPayloads;
import dev.orgpulse.eventlog.MalformedRecordException;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.ingest.config.IngestConfig;
import dev.orgpulse.ingest.delivery.LogIntake;
import dev.orgpulse.ingest.delivery.Rejection;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpServerRequest;

/**
 * Takes a GitHub delivery from its request to the log: media type, size cap, signature (on the raw bytes,
 * before anything parses them), then the headers and payload, then the append.
 */
@ApplicationScoped
public class GitHubIntake {

    private static final Logger LOG = Logger.getLogger(GitHubIntake.class);

    private final WebhookSignature signature;
    private final LogIntake log;

    public GitHubIntake(IngestConfig config, LogIntake log) {
        this.signature = new WebhookSignature(config.github().webhookSecrets().orElse(List.of()));
        this.log = log;
    }

    void reportSetup(@Observes StartupEvent started) {
        if (signature.hasSecrets()) {
            LOG.info("GitHub deliveries are verified against the configured webhook secrets");
        } else {
            LOG.error("No GitHub webhook secret is configured (ORGPULSE_GITHUB_WEBHOOK_SECRETS): "
                    + "EVERY delivery to /webhooks/github will be refused with 401");
        }
    }

    /**
     * @return the delivery's metadata, once the broker acknowledged its record
     * @throws dev.orgpulse.ingest.delivery.DeliveryRejectedException (thrown or as the failure, inside a
     *         {@link java.util.concurrent.CompletionException}) when it is not on the log
     */
    public CompletionStage<DeliveryMetadata> accept(GitHubDelivery delivery, HttpServerRequest request) {
        if (!delivery.hasSupportedMediaType()) {
            throw delivery.reject(Rejection.UNSUPPORTED_MEDIA_TYPE, "media type " + delivery.contentType()
                    + " is not accepted; send application/json or application/x-www-form-urlencoded");
        }
        return log.read(Sources.GITHUB, delivery.deliveryId(), request, delivery.declaredLength())
                .thenCompose(body -> verifyThenAppend(delivery, body));
    }

    private CompletionStage<DeliveryMetadata> verifyThenAppend(GitHubDelivery delivery, byte[] body) {
        String verifiedBy = verify(delivery, body);
        String key = recordKey(delivery, body);
        DeliveryMetadata metadata = DeliveryMetadata.accepted(Sources.GITHUB, delivery.eventType(),
                delivery.deliveryId(), Instant.now(), delivery.contentType(), verifiedBy);
        return log.append(key, body, metadata);
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
            JsonNode payload = GitHubPayloads.parse(body, delivery.contentType(), GitHubPayloads.RECORD_KEY_MEMBERS);
            return GitHubPayloads.recordKey(payload);
        } catch (MalformedRecordException e) {
            throw delivery.reject(Rejection.MALFORMED, e.getMessage());
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
