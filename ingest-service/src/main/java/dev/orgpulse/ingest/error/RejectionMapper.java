package dev.orgpulse.ingest.error;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.orgpulse.ingest.delivery.DeliveryOutcomes;
import dev.orgpulse.ingest.delivery.DeliveryRejectedException;
import dev.orgpulse.ingest.delivery.Rejection;

/** Turns a refused delivery into its status and error body, after it was logged and counted. */
public class RejectionMapper {

    private final DeliveryOutcomes outcomes;

    public RejectionMapper(DeliveryOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @ServerExceptionMapper
    public Response rejected(DeliveryRejectedException rejected) {
        outcomes.rejected(rejected);
        Response.ResponseBuilder response = Response.status(rejected.rejection().status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(rejected.rejection().reason(), rejected.detail()));
        if (rejected.rejection() == Rejection.TOO_LARGE) {
            // the rest of an oversized body may still be on its way: end the connection rather than drain it
            response.header("Connection", "close");
        }
        if (rejected.rejection() == Rejection.INVALID_TOKEN) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        return response.build();
    }
}
