package dev.orgpulse.projector.fold;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;

import dev.orgpulse.projector.fold.RecordOutcome.Duplicate;

/**
 * A batch of log records, each folded in memory to its outcome, in log order: what one database
 * transaction will write. A delivery id seen twice in the batch is a {@link Duplicate} the second time.
 */
public record FoldPlan(List<PlannedRecord> records) {

    public FoldPlan {
        records = List.copyOf(records);
    }

    /** The records are folded in parallel (each on its own: parsing dominates), then taken in log order. */
    public static FoldPlan of(List<LogRecord> records, RecordFolder folder) {
        List<RecordOutcome> outcomes = records.parallelStream().map(folder::fold).toList();
        Set<String> deliveries = new HashSet<>();
        List<PlannedRecord> planned = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            LogRecord record = records.get(i);
            RecordOutcome outcome = outcomes.get(i);
            if (outcome instanceof RecordOutcome.OfDelivery readable && !deliveries.add(readable.deliveryId())) {
                outcome = new Duplicate(readable.delivery());
            }
            planned.add(new PlannedRecord(record, outcome));
        }
        return new FoldPlan(planned);
    }

    /** A plan of one of this plan's records alone. */
    public static FoldPlan of(PlannedRecord record) {
        return new FoldPlan(List.of(record));
    }

    /** Where the fold stands per partition once this batch is written: last offset + 1. */
    public Map<TopicPartition, Long> nextOffsets() {
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        for (PlannedRecord planned : records) {
            next.merge(planned.record().topicPartition(), planned.record().offset() + 1, Math::max);
        }
        return next;
    }
}
