package dev.orgpulse.ingest.webhook;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.Cancellable;

import io.vertx.core.http.HttpServerRequest;

/**
 * GitHub organisation and repository webhooks. No {@code @Consumes}: an unsupported media type is refused,
 * logged and counted like every other rejection.
 */
@Path("/webhooks/github")
public class GitHubWebhookResource {

    private final GitHubIntake intake;

    public GitHubWebhookResource(GitHubIntake intake) {
        this.intake = intake;
    }

    /**
     * On the event loop, no worker thread: the body (up to the cap) is read there as it arrives, checked, and the
     * ack awaited without a thread. No body parameter, so RESTEasy Reactive leaves the body unread for the intake.
     * Not cancelled when the sender goes away: a body cut off, or a record appended, after it left is still logged
     * and counted. A plain stage rather than a {@code Uni}: no operator on this path captures the request's context.
     */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Cancellable(false)
    public CompletionStage<Response> receive(HttpHeaders headers, HttpServerRequest request) {
        return intake.accept(GitHubDelivery.from(headers), request)
                .thenApply(metadata -> Response.accepted(Receipt.accepted(metadata.deliveryId())).build());
    }
}
