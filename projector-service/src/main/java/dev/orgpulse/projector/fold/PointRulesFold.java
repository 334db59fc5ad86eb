package dev.orgpulse.projector.fold;

import java.nio.charset.StandardCharsets;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.MalformedRecordException;
import dev.orgpulse.eventlog.PointRules;

/** A change of the point rules ({@code PointRules}): kept as it is, whole, for the leaderboard to score with. */
final class PointRulesFold {

    RecordOutcome fold(DeliveryMetadata delivery, byte[] body) {
        try {
            byte[] rules = PointRules.write(PointRules.read(body));
            return ReadModelChanges.of(delivery)
                    .row(new PointRulesRow(delivery.deliveryId(), delivery.receivedAt(),
                            new String(rules, StandardCharsets.UTF_8)))
                    .folded();
        } catch (PointRules.InvalidPointRulesException e) {
            throw new MalformedRecordException("not a point rule set: " + e.getMessage(), e);
        }
    }
}
