package dev.orgpulse.projector.admin;

/** The JSON error body of every non-2xx answer: {@code {"error": "...", "detail": "..."}}. */
public record ErrorBody(String error, String detail) {
}
