package dev.orgpulse.projector.readmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import dev.orgpulse.projector.config.ProjectorConfig;
import dev.orgpulse.projector.fold.FoldPlan;
import dev.orgpulse.projector.fold.LogRecord;
import dev.orgpulse.projector.fold.PlannedRecord;
import dev.orgpulse.projector.fold.RecordOutcome;
import dev.orgpulse.projector.fold.SubscriptionEventRow;
import dev.orgpulse.projector.version.FoldTarget;
import dev.orgpulse.projector.version.ReadModelVersion;
import dev.orgpulse.projector.version.ReadModelVersionMoved;
import dev.orgpulse.projector.version.ReadModelVersions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The unit of work: one batch of the log written to the read models in one PostgreSQL transaction together
 * with the checkpoint of each of its partitions. Records below a partition's stored checkpoint were folded
 * already and are skipped, and so are delivery ids folded before, so a batch delivered again (after a crash, or
 * to a second projector during a rebalance) has no second effect.
 * <p>
 * The batch is written per table, not per record: its new deliveries' rows of each table (two rows of one key
 * merged in memory by the table's rule, see {@link ReadModelTable}) go in one statement, in {@link ReadModelTables}
 * order and key order within a table, so that two projectors lock rows in the same order.
 */
@ApplicationScoped
public class FoldTransaction {

    private static final Logger LOG = Logger.getLogger(FoldTransaction.class);

    /**
     * Creates the partitions' checkpoint rows if needed and locks them for the transaction, in a fixed order (two
     * projectors sharing partitions for a moment cannot deadlock): a second projector folding the same partition
     * (during a rebalance) waits here, then sees how far this one got.
     */
    private static final String LOCK_CHECKPOINTS = """
            INSERT INTO checkpoint AS c (consumer_group, topic, partition_id, next_offset, updated_at)
            SELECT $1, v.topic, v.partition_id, 0, now() FROM unnest($2::text[], $3::int[]) AS v(topic, partition_id)
            ORDER BY v.topic, v.partition_id
            ON CONFLICT (consumer_group, topic, partition_id) DO UPDATE SET next_offset = c.next_offset
            RETURNING c.topic, c.partition_id, c.next_offset""";

    private static final String ADVANCE_CHECKPOINTS = """
            UPDATE checkpoint c SET next_offset = v.next_offset, updated_at = now()
            FROM unnest($2::text[], $3::int[], $4::bigint[]) AS v(topic, partition_id, next_offset)
            WHERE c.consumer_group = $1 AND c.topic = v.topic AND c.partition_id = v.partition_id
              AND c.next_offset < v.next_offset""";

    private static final String RECORD_DELIVERIES = """
            INSERT INTO processed_delivery (delivery_id, source, event_type, partition_id, record_offset, outcome,
                                            folded_at)
            SELECT v.*, now()
            FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[], $6::text[])
                 AS v(delivery_id, source, event_type, partition_id, record_offset, outcome)
            ORDER BY v.delivery_id
            ON CONFLICT (delivery_id) DO NOTHING
            RETURNING delivery_id""";

    private static final String RECORD_DEAD_LETTERS = """
            INSERT INTO dead_letter (topic, partition_id, record_offset, delivery_id, event_type, reason, recorded_at)
            SELECT v.*, now()
            FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[])
                 AS v(topic, partition_id, record_offset, delivery_id, event_type, reason)
            ON CONFLICT (topic, partition_id, record_offset) DO NOTHING""";

    private static final String RESOLVE_DEAD_LETTER = "DELETE FROM dead_letter WHERE id = $1";
    private static final String STILL_DEAD_LETTER = "UPDATE dead_letter SET reason = $2, recorded_at = now() WHERE id = $1";

    private static final String TOUCH_STATUS = "UPDATE read_model_status SET updated_at = now() WHERE id = 1 RETURNING version";
    private static final String READ_STATUS = "SELECT version FROM read_model_status WHERE id = 1";

    /**
     * Taken by every batch, live or rebuild, before anything else: a switch to another version ({@link
     * dev.orgpulse.projector.version.VersionCatalog#switchTo}) waits for the batches writing and they wait for it.
     */
    private static final String READ_POINTER = "SELECT current FROM orgpulse.read_model_pointer WHERE id = 1 FOR SHARE";

    private final String consumerGroup;
    private final ReadModelVersions versions;

    public FoldTransaction(ProjectorConfig config, ReadModelVersions versions) {
        this.consumerGroup = config.projector().consumerGroup();
        this.versions = versions;
    }

    /** Writes the batch into the live version (see {@link #apply(FoldTarget, PreparedBatch)}). */
    public Uni<BatchResult> apply(FoldPlan plan) {
        return Uni.createFrom().deferred(() -> apply(versions.live(), PreparedBatch.of(plan)));
    }

    /** Writes the batch into the target's version, preparing its rows here (see {@link PreparedBatch}). */
    public Uni<BatchResult> apply(FoldTarget target, FoldPlan plan) {
        return Uni.createFrom().deferred(() -> apply(target, PreparedBatch.of(plan)));
    }

    /**
     * Writes the batch into the target's version. The checkpoints are kept under the live consumer group in every
     * version, so that the live fold, once it follows a rebuilt version, resumes where the rebuild stopped.
     *
     * @throws ReadModelVersionMoved (as the failure) when the target is live and the pointer names another version
     */
    public Uni<BatchResult> apply(FoldTarget target, PreparedBatch batch) {
        return target.pool().withTransaction(connection -> connection.preparedQuery(READ_POINTER).execute()
                .invoke(pointer -> {
                    ReadModelVersion current = ReadModelVersion.named(pointer.iterator().next().getString(0));
                    if (target.live() && !current.equals(target.version())) {
                        throw new ReadModelVersionMoved(target.version(), current);
                    }
                })
                .chain(() -> new BatchWrite(connection, batch, null).write()));
    }

    /**
     * Folds a dead letter's record again (after a fix), as a batch of its own that leaves the checkpoints alone (the
     * fold is past it): when it folds (or is ignored, or its delivery was folded since) the dead letter leaves the
     * list in the same transaction; when it is a dead letter again, its reason is renewed.
     *
     * @param deadLetterId its row in {@code dead_letter}
     */
    public Uni<BatchResult> refold(PlannedRecord record, long deadLetterId) {
        return Uni.createFrom().deferred(() -> versions.live().pool().withTransaction(
                connection -> new BatchWrite(connection, PreparedBatch.of(FoldPlan.of(record)), deadLetterId)
                        .write()));
    }

    /** One batch being written on one connection. */
    private final class BatchWrite {

        private final SqlConnection connection;
        private final PreparedBatch batch;
        private final FoldPlan plan;
        private final BatchTally tally;
        private final Map<TopicPartition, Long> checkpoints = new HashMap<>();
        /** What the deliveries new to the read models write, once {@code processed_delivery} said which are new. */
        private BatchRows rows;
        /** The dead letter this batch folds again, {@code null} for the live fold. */
        private final Long refolded;

        BatchWrite(SqlConnection connection, PreparedBatch batch, Long refolded) {
            this.connection = connection;
            this.batch = batch;
            this.plan = batch.plan();
            this.refolded = refolded;
            this.tally = new BatchTally(plan.records().size());
        }

        /**
         * The tables' statements do not wait for each other: they are sent together (the connection pipelines them)
         * and run in the order sent, so that locks are still taken in one order.
         */
        Uni<BatchResult> write() {
            return (refolded == null ? lockCheckpoints() : Uni.createFrom().voidItem())
                    .chain(this::recordOutcomes)
                    .chain(() -> {
                        List<Uni<Void>> writes = new ArrayList<>();
                        rows.tables().forEach(table -> writes.add(writeTable(table)));
                        writes.add(writeFeed());
                        return Uni.join().all(writes).andFailFast();
                    })
                    .chain(() -> {
                        Uni<Void> advanced = refolded == null ? advanceCheckpoints() : Uni.createFrom().voidItem();
                        Uni<RowSet<Row>> status = execute(tally.changedAnything() ? TOUCH_STATUS : READ_STATUS,
                                Tuple.tuple());
                        return Uni.combine().all().unis(advanced, status).with((ignored, version) -> version);
                    })
                    .map(status -> tally.result(status.iterator().next().getString(0), positions()));
        }

        private Uni<Void> lockCheckpoints() {
            Map<TopicPartition, Long> next = batch.nextOffsets();
            List<String> topics = new ArrayList<>();
            List<Integer> partitions = new ArrayList<>();
            next.keySet().forEach(partition -> {
                topics.add(partition.topic());
                partitions.add(partition.partition());
            });
            return execute(LOCK_CHECKPOINTS, Tuple.of(consumerGroup, topics.toArray(String[]::new),
                    partitions.toArray(Integer[]::new))).invoke(rows -> {
                        for (Row row : rows) {
                            checkpoints.put(new TopicPartition(row.getString(0), row.getInteger(1)), row.getLong(2));
                        }
                    }).replaceWithVoid();
        }

        /**
         * Dead letters are kept; of the readable records above the checkpoint, the deliveries new to
         * {@code processed_delivery} are folded (or ignored), the others were folded before.
         */
        private Uni<Void> recordOutcomes() {
            List<PlannedRecord> deadLetters = new ArrayList<>();
            List<PlannedRecord> deliveries = new ArrayList<>();
            for (PlannedRecord planned : plan.records()) {
                LogRecord record = planned.record();
                RecordOutcome outcome = planned.outcome();
                if (record.offset() < checkpoints.getOrDefault(record.topicPartition(), 0L)) {
                    LOG.debugf("Delivery %s at %s: below the checkpoint, folded before", outcome.deliveryId(), record);
                    tally.duplicate();
                } else if (outcome instanceof RecordOutcome.DeadLetter) {
                    deadLetters.add(planned);
                } else if (outcome instanceof RecordOutcome.Duplicate) {
                    LOG.debugf("Delivery %s at %s: same delivery earlier in this batch", outcome.deliveryId(), record);
                    tally.duplicate();
                } else {
                    deliveries.add(planned);
                }
            }
            Uni<Void> deadLettersWritten = refolded == null ? recordDeadLetters(deadLetters)
                    : resolveDeadLetter(deadLetters);
            return deadLettersWritten.chain(() -> recordDeliveries(deliveries));
        }

        private Uni<Void> resolveDeadLetter(List<PlannedRecord> stillDead) {
            if (stillDead.isEmpty()) {
                return execute(RESOLVE_DEAD_LETTER, Tuple.of(refolded)).replaceWithVoid();
            }
            PlannedRecord planned = stillDead.get(0);
            RecordOutcome.DeadLetter deadLetter = (RecordOutcome.DeadLetter) planned.outcome();
            return execute(STILL_DEAD_LETTER, Tuple.of(refolded, deadLetter.reason()))
                    .invoke(() -> tally.deadLetter(planned.record(), deadLetter)).replaceWithVoid();
        }

        private Uni<Void> recordDeadLetters(List<PlannedRecord> deadLetters) {
            if (deadLetters.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return execute(RECORD_DEAD_LETTERS, Tuple.tuple(List.of(
                    PreparedBatch.column(deadLetters, p -> p.record().topic(), String[]::new),
                    PreparedBatch.column(deadLetters, p -> p.record().partition(), Integer[]::new),
                    PreparedBatch.column(deadLetters, p -> p.record().offset(), Long[]::new),
                    PreparedBatch.column(deadLetters, p -> p.outcome().deliveryId(), String[]::new),
                    PreparedBatch.column(deadLetters, p -> p.outcome().eventType(), String[]::new),
                    PreparedBatch.column(deadLetters, p -> ((RecordOutcome.DeadLetter) p.outcome()).reason(),
                            String[]::new))))
                    .invoke(() -> deadLetters.forEach(
                            p -> tally.deadLetter(p.record(), (RecordOutcome.DeadLetter) p.outcome())))
                    .replaceWithVoid();
        }

        /** Of the deliveries, the new ones' rows are written: those prepared, unless some were seen before. */
        private Uni<Void> recordDeliveries(List<PlannedRecord> deliveries) {
            if (deliveries.isEmpty()) {
                rows = batch.rowsOf(List.of());
                return Uni.createFrom().voidItem();
            }
            return execute(RECORD_DELIVERIES, Tuple.tuple(batch.deliveryArraysOf(deliveries)))
                    .invoke(recorded -> {
                        Set<String> isNew = new HashSet<>();
                        recorded.forEach(row -> isNew.add(row.getString(0)));
                        List<PlannedRecord> newlyFolded = new ArrayList<>();
                        for (PlannedRecord planned : deliveries) {
                            if (tallyDelivery(planned, isNew.contains(planned.outcome().deliveryId()))) {
                                newlyFolded.add(planned);
                            }
                        }
                        rows = batch.rowsOf(newlyFolded);
                    })
                    .replaceWithVoid();
        }

        /** @return whether the delivery is new and changes read models */
        private boolean tallyDelivery(PlannedRecord planned, boolean isNew) {
            RecordOutcome outcome = planned.outcome();
            if (!isNew) {
                LOG.debugf("Delivery %s at %s: delivery id folded before, no second effect", outcome.deliveryId(),
                        planned.record());
                tally.duplicate();
                return false;
            } else if (outcome instanceof RecordOutcome.Ignored ignored) {
                LOG.debugf("Delivery %s at %s: ignored, %s", outcome.deliveryId(), planned.record(), ignored.reason());
                tally.ignored();
                return false;
            } else {
                LOG.debugf("Delivery %s (%s) at %s: folded", outcome.deliveryId(), outcome.eventType(),
                        planned.record());
                tally.folded();
                return true;
            }
        }

        /** A table merged with the stored rows is bound here, once they are read; any other was bound beforehand. */
        private <T> Uni<Void> writeTable(ReadModelTable.Prepared<T> prepared) {
            ReadModelTable<T> table = prepared.table();
            Uni<List<Object>> arrays = table.mergesWithStored()
                    ? mergedWithStored(table, prepared.rows()).map(changed -> changed.isEmpty() ? null
                            : table.arrays(changed))
                    : Uni.createFrom().item(prepared.arrays());
            return arrays.chain(bound -> bound == null ? Uni.createFrom().item(List.<String>of())
                    : execute(table.upsert(), Tuple.tuple(bound)).map(FoldTransaction::firstColumn))
                    .invoke(changed -> {
                        LOG.debugf("Batch: %d of %d %s rows new or changed", changed.size(), prepared.rows().size(),
                                table.name());
                        if (!changed.isEmpty()) {
                            tally.tableChanged(table);
                        }
                        if (table == ReadModelTables.MEET_SUBSCRIPTIONS) {
                            warnOperators(rows.folded(), prepared.rows(), changed);
                        }
                    })
                    .replaceWithVoid();
        }

        /** The batch's rows merged with the stored ones (read and locked); only those that changed are written. */
        private <T> Uni<List<T>> mergedWithStored(ReadModelTable<T> table, List<T> rows) {
            String[] keys = rows.stream().map(row -> (String) table.key(row).get(0)).toArray(String[]::new);
            return execute(table.selectStored(), Tuple.of(keys)).map(storedRows -> {
                Map<Object, T> stored = new HashMap<>();
                for (Row row : storedRows) {
                    Object[] values = new Object[row.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = row.getValue(i);
                    }
                    T read = table.stored().apply(values);
                    stored.put(table.key(read).get(0), read);
                }
                List<T> changed = new ArrayList<>();
                for (T row : rows) {
                    T before = stored.get(table.key(row).get(0));
                    T merged = before == null ? row : table.inBatch().apply(before, row);
                    if (!merged.equals(before)) {
                        changed.add(merged);
                    }
                }
                return changed;
            });
        }

        /**
         * A fact new to {@code feed_fact} counts in its day's activity and becomes a feed item; a fact seen before
         * has no second effect, even when its item has been trimmed from the feed since.
         */
        private Uni<Void> writeFeed() {
            FeedWrites.Batch feed = rows.feed();
            if (feed == null) {
                return Uni.createFrom().voidItem();
            }
            return execute(FeedWrites.FACTS.upsert(), Tuple.tuple(feed.factArrays()))
                    .map(inserted -> feed.newFacts(firstColumn(inserted)))
                    .chain(newFacts -> {
                        List<Uni<Void>> writes = new ArrayList<>();
                        newFacts.totals().forEach(totals -> writes.add(addTo(totals)));
                        writes.add(insertItems(newFacts));
                        return Uni.join().all(writes).andFailFast();
                    })
                    .replaceWithVoid();
        }

        private Uni<Void> addTo(ReadModelTable.Prepared<?> totals) {
            return execute(totals.table().upsert(), Tuple.tuple(totals.arrays()))
                    .invoke(changed -> {
                        if (changed.size() > 0) {
                            tally.tableChanged(totals.table());
                        }
                    }).replaceWithVoid();
        }

        /** In log order, so that the ids grow with it. */
        private Uni<Void> insertItems(FeedWrites.NewFacts newFacts) {
            if (newFacts.items().isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return execute(FeedWrites.ITEMS.upsert(FeedWrites.RETURNING_ITEM_IDS), Tuple.tuple(newFacts.itemArrays()))
                    .invoke(inserted -> {
                        Map<String, Long> ids = new HashMap<>();
                        inserted.forEach(row -> ids.put(row.getString(0), row.getLong(1)));
                        for (FeedWrites.Item item : newFacts.items()) {
                            Long id = ids.get(item.naturalKey());
                            if (id != null) {
                                tally.feedItemAdded(id, item.entry());
                            }
                        }
                    }).replaceWithVoid();
        }

        private Uni<Void> advanceCheckpoints() {
            Map<TopicPartition, Long> next = batch.nextOffsets();
            List<String> topics = new ArrayList<>();
            List<Integer> partitions = new ArrayList<>();
            List<Long> offsets = new ArrayList<>();
            next.forEach((partition, offset) -> {
                topics.add(partition.topic());
                partitions.add(partition.partition());
                offsets.add(offset);
            });
            return execute(ADVANCE_CHECKPOINTS, Tuple.of(consumerGroup, topics.toArray(String[]::new),
                    partitions.toArray(Integer[]::new), offsets.toArray(Long[]::new))).replaceWithVoid();
        }

        private Map<Integer, Long> positions() {
            Map<Integer, Long> positions = new LinkedHashMap<>();
            batch.nextOffsets().forEach((partition, next) -> positions.put(partition.partition(),
                    Math.max(next, checkpoints.getOrDefault(partition, 0L))));
            return positions;
        }

        private Uni<RowSet<Row>> execute(String sql, Tuple parameters) {
            return connection.preparedQuery(sql).execute(parameters);
        }
    }

    /** A subscription that stops delivering Meet's events goes unnoticed otherwise: the operators must act. */
    private static void warnOperators(List<RecordOutcome.Folded> folded, List<?> kept, List<String> changed) {
        for (RecordOutcome.Folded delivery : folded) {
            for (SubscriptionEventRow event : delivery.changes().subscriptionEvents()) {
                boolean latest = kept.contains(event) && changed.contains(event.subscription());
                LOG.warnf("Workspace subscription %s: %s at %s (delivery %s%s): %s", event.subscription(),
                        event.eventType(), event.eventAt(), delivery.deliveryId(),
                        latest ? "" : ", older than the latest event folded", event.advice());
            }
        }
    }

    private static List<String> firstColumn(RowSet<Row> rows) {
        List<String> values = new ArrayList<>(rows.size());
        rows.forEach(row -> values.add(row.getString(0)));
        return values;
    }
}
