package dev.orgpulse.query.api;

import java.time.Instant;

/** {@code GET /healthz}: the service answers, and when the read model it serves last changed. */
public record Healthz(String status, Instant readModelUpdatedAt, String version) {
}
