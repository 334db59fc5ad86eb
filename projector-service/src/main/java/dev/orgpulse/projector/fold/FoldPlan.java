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
 *
 * @param positions where the consumer stood per partition once it had read the batch, when known: past the
 *        transaction markers that follow the records too (they take offsets, but are never read as records), so that
 *        a fold that read everything stands at the log's end offsets
 */
public record FoldPlan(List<PlannedRecord> records, Map<TopicPartition, Long> positions) {

    public FoldPlan {
        records = List.copyOf(records);
        positions = Map.copyOf(positions);
    }

    public static FoldPlan of(List<LogRecord> records, RecordFolder folder) {
        return of(records, Map.of(), folder);
    }

    /** The records are folded in parallel (each on its own: parsing dominates), then taken in log order. */
    public static FoldPlan of(List<LogRecord> records, Map<TopicPartition, Long> positions, RecordFolder folder) {
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
        return new FoldPlan(planned, positions);
    }

    /** A plan of one of this plan's records alone. */
    public static FoldPlan of(PlannedRecord record) {
        return new FoldPlan(List.of(record), Map.of());
    }

    /** Where the fold stands per partition once this batch is written: past its last record, and past its positions. */
    public Map<TopicPartition, Long> nextOffsets() {
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        for (PlannedRecord planned : records) {
            next.merge(planned.record().topicPartition(), planned.record().offset() + 1, Math::max);
        }
        positions.forEach((partition, position) -> next.merge(partition, position, Math::max));
        return next;
    }
}
