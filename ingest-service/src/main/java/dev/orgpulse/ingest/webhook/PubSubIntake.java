package dev.orgpulse.ingest.webhook;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.ingest.config.IngestConfig;
import dev.orgpulse.ingest.delivery.DeliveryOutcomes;
import dev.orgpulse.ingest.delivery.LogIntake;
import dev.orgpulse.ingest.delivery.Rejection;
import dev.orgpulse.ingest.oidc.GoogleIdTokenVerifier;
import dev.orgpulse.ingest.oidc.GoogleSigningKeys;
import dev.orgpulse.ingest.oidc.TokenRejectedException;
import dev.orgpulse.ingest.oidc.VerifiedPusher;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Takes a Pub/Sub push (a Google Workspace event) from its request to the log: the bearer token first, from the
 * header alone, then the media type, the size cap, the envelope, then the append of the body as received.
 */
@ApplicationScoped
public class PubSubIntake {

    private static final Logger LOG = Logger.getLogger(PubSubIntake.class);

    private final GoogleSigningKeys signingKeys;
    private final GoogleIdTokenVerifier tokens;
    private final String audience;
    private final LogIntake log;

    public PubSubIntake(IngestConfig config, LogIntake log) {
        IngestConfig.PubSub pubsub = config.pubsub();
        this.signingKeys = new GoogleSigningKeys(pubsub.jwksUrl(), pubsub.jwksMinRefreshInterval());
        this.tokens = new GoogleIdTokenVerifier(signingKeys, pubsub.audience(),
                pubsub.serviceAccounts().orElse(List.of()));
        this.audience = pubsub.audience().orElse("");
        this.log = log;
    }

    void reportSetup(@Observes StartupEvent started) {
        if (!tokens.hasAudience()) {
            LOG.error("No Pub/Sub audience is configured (ORGPULSE_PUBSUB_AUDIENCE): "
                    + "EVERY push to /webhooks/pubsub will be refused with 401");
        }
        if (tokens.serviceAccounts().isEmpty()) {
            LOG.error("No Pub/Sub service account is configured (ORGPULSE_PUBSUB_SERVICE_ACCOUNTS): "
                    + "EVERY push to /webhooks/pubsub will be refused with 403");
        }
        if (tokens.hasAudience() && !tokens.serviceAccounts().isEmpty()) {
            LOG.infof("Pub/Sub pushes are verified as Google ID tokens for audience %s from %s, signed with keys from %s",
                    audience, tokens.serviceAccounts(), signingKeys.location());
        }
        if (!signingKeys.location().startsWith("https://")) {
            LOG.warnf("Google's signing keys are fetched from %s without TLS: whoever can alter that traffic can "
                    + "forge pushes", signingKeys.location());
        }
    }

    /**
     * @return the delivery's metadata, once the broker acknowledged its record
     * @throws dev.orgpulse.ingest.delivery.DeliveryRejectedException (thrown or as the failure) when it is not on the log
     */
    public Uni<DeliveryMetadata> accept(PubSubPush push, InputStream bodyStream) {
        VerifiedPusher pusher = verify(push);
        if (!push.hasSupportedMediaType()) {
            throw push.reject(null, Rejection.UNSUPPORTED_MEDIA_TYPE,
                    "media type " + push.contentType() + " is not accepted; send application/json", null);
        }
        byte[] body = log.read(Sources.PUBSUB, null, bodyStream, push.declaredLength());
        PushEnvelope envelope = parse(push, body);
        DeliveryMetadata metadata = DeliveryMetadata.accepted(Sources.PUBSUB, envelope.eventType(),
                envelope.messageId(), Instant.now(), push.contentType(), pusher.label());
        return Uni.createFrom().completionStage(log.append(envelope.recordKey(), body, metadata))
                .invoke(() -> {
                    if (envelope.isSubscriptionLifecycle()) {
                        warnAboutSubscription(envelope);
                    }
                });
    }

    private VerifiedPusher verify(PubSubPush push) {
        try {
            return tokens.verify(push.authorization());
        } catch (TokenRejectedException e) {
            throw push.reject(null, e.rejection(), e.getMessage(), e.getCause());
        }
    }

    private static PushEnvelope parse(PubSubPush push, byte[] body) {
        try {
            return PushEnvelope.parse(body);
        } catch (MalformedEnvelopeException e) {
            throw push.reject(e.messageId(), Rejection.MALFORMED, e.getMessage(), null);
        }
    }

    /** Without renewal a Workspace subscription stops delivering: someone has to act, so it must stand out. */
    private static void warnAboutSubscription(PushEnvelope envelope) {
        LOG.warnf("Workspace Events subscription %s: %s (message %s, pushed through %s); renew or reactivate it, "
                + "or Meet events stop arriving", DeliveryOutcomes.printable(envelope.workspaceSubscription()),
                DeliveryOutcomes.printable(envelope.eventType()), DeliveryOutcomes.printable(envelope.messageId()),
                DeliveryOutcomes.printable(envelope.subscription()));
    }
}
