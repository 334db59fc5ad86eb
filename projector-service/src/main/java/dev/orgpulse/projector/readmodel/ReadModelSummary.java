package dev.orgpulse.projector.readmodel;

import java.time.Instant;

/**
 * The state of the read models for operators.
 *
 * @param lastUpdate when a batch last changed a read model ({@code null} before the first)
 */
public record ReadModelSummary(String version, Instant lastUpdate, long deadLetters, long folded, long ignored) {
}
