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
 * Pub/Sub push subscriptions (Google Workspace Events for Meet). Pub/Sub counts any 2xx as an acknowledgement
 * and retries everything else, so a 2xx is only answered once the message is on the log.
 */
@Path("/webhooks/pubsub")
public class PubSubPushResource {

    private final PubSubIntake intake;

    public PubSubPushResource(PubSubIntake intake) {
        this.intake = intake;
    }

    /** Blocking: the token check may fetch Google's keys and the body is read as a stream on a worker thread. */
    @POST
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(HttpHeaders headers, InputStream body) {
        return intake.accept(PubSubPush.from(headers), body)
                .map(metadata -> Response.accepted(Receipt.accepted(metadata.deliveryId())).build());
    }
}
