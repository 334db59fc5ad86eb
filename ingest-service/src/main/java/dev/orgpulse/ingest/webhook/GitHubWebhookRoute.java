package dev.orgpulse.ingest.webhook;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.ingest.delivery.DeliveryOutcomes;
import dev.orgpulse.ingest.delivery.DeliveryRejectedException;
import dev.orgpulse.ingest.error.Causes;
import dev.orgpulse.ingest.error.RejectedAnswer;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /webhooks/github}, GitHub organisation and repository webhooks: the busiest path of the service. A
 * Vert.x route on the event loop, no worker thread: the body (up to the cap) is read there as it arrives, checked, and
 * the broker's ack awaited without a thread; the answer is written from the thread that completes the append. No
 * media type is declared: an unsupported one is refused, logged and counted like every other rejection, with the
 * same error body as {@link dev.orgpulse.ingest.error.RejectionMapper}'s.
 * <p>
 * A route rather than a REST resource, ordered before Quarkus's own filters on the application router: the REST layer
 * (its handler chain and context propagation), Quarkus's HTTP authentication (a deferred identity built for every
 * request though none is asked for) and its permission check took a quarter of the event loops' time per delivery,
 * and none has a say here: a GitHub delivery is authenticated by its signature, and its body cap is the intake's.
 */
@ApplicationScoped
public class GitHubWebhookRoute {

    static final String PATH = "/webhooks/github";

    /** Quarkus orders a filter of priority p at -p: this is just before its authentication filter, after CORS. */
    private static final int BEFORE_AUTHENTICATION = -SecurityHandlerPriorities.AUTHENTICATION - 1;

    private static final Logger LOG = Logger.getLogger(GitHubWebhookRoute.class);
    private static final String JSON = "application/json";
    private static final String FAILED = "{\"error\":\"internal_error\",\"detail\":\"the delivery failed unexpectedly;"
            + " the service log has the cause\"}";

    private final GitHubIntake intake;
    private final DeliveryOutcomes outcomes;
    private final ObjectMapper json;

    public GitHubWebhookRoute(GitHubIntake intake, DeliveryOutcomes outcomes, ObjectMapper json) {
        this.intake = intake;
        this.outcomes = outcomes;
        this.json = json;
    }

    void route(@Observes Router router) {
        router.post(PATH).order(BEFORE_AUTHENTICATION).handler(this::receive);
        router.route(PATH).order(BEFORE_AUTHENTICATION).handler(routing -> routing.response().setStatusCode(405)
                .putHeader(HttpHeaders.ALLOW, "POST").end());
    }

    /**
     * Not given up when the sender goes away: a body cut off, or a record appended, after it left is still logged and
     * counted.
     */
    private void receive(RoutingContext routing) {
        GitHubDelivery delivery = GitHubDelivery.from(routing.request().headers());
        appended(delivery, routing).whenComplete((metadata, failure) -> {
            if (failure == null) {
                answer(routing.response().setStatusCode(202), Receipt.accepted(metadata.deliveryId()));
            } else {
                refuse(routing.response(), delivery, Causes.unwrapped(failure));
            }
        });
    }

    private CompletionStage<DeliveryMetadata> appended(GitHubDelivery delivery, RoutingContext routing) {
        try {
            return intake.accept(delivery, routing.request());
        } catch (RuntimeException refusedBeforeReading) {
            return CompletableFuture.failedStage(refusedBeforeReading);
        }
    }

    private void refuse(HttpServerResponse response, GitHubDelivery delivery, Throwable failure) {
        if (failure instanceof DeliveryRejectedException rejected) {
            outcomes.rejected(rejected);
            RejectedAnswer answer = RejectedAnswer.of(rejected);
            answer.headers().forEach(response::putHeader);
            answer(response.setStatusCode(answer.status()), answer.body());
        } else {
            LOG.errorf(failure, "delivery %s failed unexpectedly", delivery.deliveryId());
            response.setStatusCode(500).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(FAILED);
        }
    }

    private void answer(HttpServerResponse response, Object body) {
        try {
            response.putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(Buffer.buffer(json.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            // a record of strings always serialises; should it not, the sender still gets an answer
            LOG.error("could not write an answer", e);
            response.setStatusCode(500).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(FAILED);
        }
    }
}
