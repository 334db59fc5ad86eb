package dev.orgpulse.query.api;

/** Every error response body: a short machine-readable code and a sentence for people. */
public record ErrorBody(String error, String detail) {
}
