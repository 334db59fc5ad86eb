package dev.orgpulse.ingest.error;

/** The JSON body of every error response. */
public record ErrorBody(String error, String detail) {
}
