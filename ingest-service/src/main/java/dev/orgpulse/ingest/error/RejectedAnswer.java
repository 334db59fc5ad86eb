package dev.orgpulse.ingest.error;

import java.util.Map;

import dev.orgpulse.ingest.delivery.DeliveryRejectedException;
import dev.orgpulse.ingest.delivery.Rejection;

/**
 * What a refused delivery's sender is answered: its status, error body and the headers some refusals add. One
 * answer whichever way the delivery came in (a REST resource's mapper or the webhook's route).
 */
public record RejectedAnswer(int status, ErrorBody body, Map<String, String> headers) {

    public static RejectedAnswer of(DeliveryRejectedException rejected) {
        Rejection rejection = rejected.rejection();
        return new RejectedAnswer(rejection.status(), new ErrorBody(rejection.reason(), rejected.detail()),
                switch (rejection) {
                    // the rest of an oversized body may still be on its way: end the connection rather than drain it
                    case TOO_LARGE -> Map.of("Connection", "close");
                    case INVALID_TOKEN -> Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                    default -> Map.of();
                });
    }
}
