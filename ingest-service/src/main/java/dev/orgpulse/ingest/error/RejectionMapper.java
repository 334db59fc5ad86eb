package dev.orgpulse.ingest.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.orgpulse.ingest.delivery.DeliveryOutcomes;
import dev.orgpulse.ingest.delivery.DeliveryRejectedException;

/** Turns a refused delivery into its status and error body, after it was logged and counted. */
public class RejectionMapper {

    private final DeliveryOutcomes outcomes;

    public RejectionMapper(DeliveryOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @ServerExceptionMapper
    public Response rejected(DeliveryRejectedException rejected) {
        outcomes.rejected(rejected);
        RejectedAnswer answer = RejectedAnswer.of(rejected);
        Response.ResponseBuilder response = Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(answer.body());
        answer.headers().forEach(response::header);
        return response.build();
    }
}
