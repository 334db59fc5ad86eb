package dev.orgpulse.ingest.webhook;

import java.io.InputStream;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

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

    /** Blocking: the body (up to the cap) is read as a stream on a worker thread; the ack is awaited without one. */
    @POST
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(HttpHeaders headers, InputStream body) {
        return intake.accept(GitHubDelivery.from(headers), body)
                .map(metadata -> Response.accepted(Receipt.accepted(metadata.deliveryId())).build());
    }
}
