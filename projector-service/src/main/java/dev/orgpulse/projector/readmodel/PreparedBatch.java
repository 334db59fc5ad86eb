package dev.orgpulse.projector.readmodel;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.apache.kafka.common.TopicPartition;

import dev.orgpulse.projector.fold.FoldPlan;
import dev.orgpulse.projector.fold.PlannedRecord;
import dev.orgpulse.projector.fold.RecordOutcome;

/**
 * A decided batch with what its transaction sends prepared beforehand, on the thread that decided it, so that the
 * write thread (the reactive client's event loop) only sends statements: the {@code processed_delivery} arrays, and
 * every table's rows merged by key, with their revisions, in key order and bound to arrays ({@link BatchRows}).
 * <p>
 * They are prepared for the usual case, where no record is below its partition's checkpoint and every delivery is
 * new; {@link FoldTransaction} prepares them again from what is left when the database says otherwise (a batch
 * delivered again), so the rows written are the same either way.
 */
public final class PreparedBatch {

    private final FoldPlan plan;
    private final Map<TopicPartition, Long> nextOffsets;
    private final List<PlannedRecord> deliveries;
    private final List<Object> deliveryArrays;
    private final int folded;
    private final BatchRows rows;

    private PreparedBatch(FoldPlan plan) {
        this.plan = plan;
        this.nextOffsets = plan.nextOffsets();
        this.deliveries = deliveries(plan.records());
        this.deliveryArrays = deliveryArrays(deliveries);
        List<PlannedRecord> foldedDeliveries = folded(deliveries);
        this.folded = foldedDeliveries.size();
        this.rows = BatchRows.of(foldedDeliveries);
    }

    public static PreparedBatch of(FoldPlan plan) {
        return new PreparedBatch(plan);
    }

    public FoldPlan plan() {
        return plan;
    }

    /** {@link FoldPlan#nextOffsets}, computed once: the transaction locks, advances and reports them. */
    Map<TopicPartition, Long> nextOffsets() {
        return nextOffsets;
    }

    /** The readable records that are no duplicate within the batch, in log order: what is recorded as processed. */
    static List<PlannedRecord> deliveries(List<PlannedRecord> records) {
        return records.stream().filter(planned -> planned.outcome() instanceof RecordOutcome.Folded
                || planned.outcome() instanceof RecordOutcome.Ignored).toList();
    }

    /** Of the deliveries, those that change read models. */
    static List<PlannedRecord> folded(List<PlannedRecord> deliveries) {
        return deliveries.stream().filter(planned -> planned.outcome() instanceof RecordOutcome.Folded).toList();
    }

    /** {@code processed_delivery}'s arrays: delivery id, source, event type, partition, offset, outcome. */
    static List<Object> deliveryArrays(List<PlannedRecord> deliveries) {
        return List.of(
                column(deliveries, p -> delivery(p).deliveryId(), String[]::new),
                column(deliveries, p -> delivery(p).delivery().source(), String[]::new),
                column(deliveries, p -> delivery(p).eventType(), String[]::new),
                column(deliveries, p -> p.record().partition(), Integer[]::new),
                column(deliveries, p -> p.record().offset(), Long[]::new),
                column(deliveries, p -> (p.outcome() instanceof RecordOutcome.Folded ? DeliveryOutcome.FOLDED
                        : DeliveryOutcome.IGNORED).columnValue(), String[]::new));
    }

    /** The prepared {@code processed_delivery} arrays, when {@code deliveries} are the ones prepared. */
    List<Object> deliveryArraysOf(List<PlannedRecord> toRecord) {
        return toRecord.size() == deliveries.size() ? deliveryArrays : deliveryArrays(toRecord);
    }

    /**
     * The prepared rows, when {@code newlyFolded} (the deliveries the database had not seen, that change read models)
     * are all those prepared; else theirs.
     */
    BatchRows rowsOf(List<PlannedRecord> newlyFolded) {
        return newlyFolded.size() == folded ? rows : BatchRows.of(newlyFolded);
    }

    static <P, V> V[] column(List<P> rows, Function<P, V> value, IntFunction<V[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    private static RecordOutcome.OfDelivery delivery(PlannedRecord planned) {
        return (RecordOutcome.OfDelivery) planned.outcome();
    }
}
