package dev.orgpulse.projector.fold;

import java.time.Instant;

/**
 * One change of the leaderboard's point rules, as an operator made it through the ingest's admin endpoint: the whole
 * rule set. The latest change is the rule set in force, for all history.
 *
 * @param changedAt when the ingest accepted the change: the latest is the one in force
 * @param rules     the complete rule set, the record's JSON array ({@code dev.orgpulse.eventlog.PointRules})
 */
public record PointRulesRow(String deliveryId, Instant changedAt, String rules) {
}
