package dev.orgpulse.projector.readmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.orgpulse.projector.fold.PlannedRecord;
import dev.orgpulse.projector.fold.RecordOutcome;

/**
 * What the folded deliveries of a batch write, computed without a connection: each table's rows merged by key, in key
 * order and bound to arrays, and the feed's facts (see {@link PreparedBatch} for where this runs). Tables are prepared
 * in parallel: a batch's CI runs, jobs and pull requests each digest their revisions.
 *
 * @param folded the deliveries' changes, in log order
 * @param tables the rows of every table that has any, in {@link ReadModelTables#ALL} order
 * @param feed   their feed entries; {@code null} when there are none
 */
record BatchRows(List<RecordOutcome.Folded> folded, List<ReadModelTable.Prepared<?>> tables, FeedWrites.Batch feed) {

    /** @param deliveries records whose outcome is {@link RecordOutcome.Folded}, in log order */
    static BatchRows of(List<PlannedRecord> deliveries) {
        List<RecordOutcome.Folded> folded = new ArrayList<>(deliveries.size());
        Map<Class<?>, List<Object>> rowsByType = new HashMap<>();
        List<FeedWrites.Item> feedItems = new ArrayList<>();
        for (PlannedRecord planned : deliveries) {
            RecordOutcome.Folded changes = (RecordOutcome.Folded) planned.outcome();
            folded.add(changes);
            changes.changes().rows().forEach((type, rows) -> rowsByType.computeIfAbsent(type,
                    ignored -> new ArrayList<>()).addAll(rows));
            feedItems.addAll(FeedWrites.Item.of(planned.record(), changes.changes().feed()));
        }
        List<ReadModelTable.Prepared<?>> tables = ReadModelTables.ALL.parallelStream()
                .filter(table -> rowsByType.containsKey(table.rowType()))
                .<ReadModelTable.Prepared<?>>map(table -> prepared(table, rowsByType))
                .toList();
        return new BatchRows(folded, tables, feedItems.isEmpty() ? null : FeedWrites.Batch.of(feedItems));
    }

    @SuppressWarnings("unchecked")
    private static <T> ReadModelTable.Prepared<T> prepared(ReadModelTable<T> table,
            Map<Class<?>, List<Object>> rowsByType) {
        return table.prepared((List<T>) rowsByType.get(table.rowType()));
    }
}
