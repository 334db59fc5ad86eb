package dev.orgpulse.projector.readmodel;

import static dev.orgpulse.projector.support.Payloads.bytes;
import static dev.orgpulse.projector.support.Payloads.delivery;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.projector.fold.FoldPlan;
import dev.orgpulse.projector.fold.LogRecord;
import dev.orgpulse.projector.fold.PlannedRecord;
import dev.orgpulse.projector.fold.RecordFolder;
import dev.orgpulse.projector.support.Payloads;

/**
 * The rows prepared off the write thread are those written when every delivery is new; when the database says some
 * were folded before, only the others' rows are written.
 */
class PreparedBatchTest {

    private final FoldPlan plan = FoldPlan.of(List.of(
            push(0, "d-1", "acme/api", "a1"),
            push(1, "d-2", "acme/web", "b1"),
            push(2, "d-1", "acme/api", "a1"),
            push(3, "d-3", "acme/api", "a2")), new RecordFolder());
    private final PreparedBatch batch = PreparedBatch.of(plan);

    @Test
    void everyNewDeliveryWritesThePreparedRows() {
        List<PlannedRecord> deliveries = PreparedBatch.deliveries(plan.records());

        assertEquals(List.of(0L, 1L, 3L), deliveries.stream().map(p -> p.record().offset()).toList(),
                "the same delivery again in the batch is left out");
        BatchRows all = batch.rowsOf(PreparedBatch.folded(deliveries));
        assertSame(all, batch.rowsOf(PreparedBatch.folded(deliveries)));
        assertEquals(3, all.folded().size());
        assertArrayEquals(new String[] {"a1", "a2", "b1"}, commitShas(all));
    }

    @Test
    void deliveriesFoldedBeforeWriteNothing() {
        List<PlannedRecord> deliveries = PreparedBatch.deliveries(plan.records());
        List<PlannedRecord> onlyTheLast = List.of(deliveries.get(2));

        BatchRows rows = batch.rowsOf(onlyTheLast);

        assertEquals(1, rows.folded().size());
        assertArrayEquals(new String[] {"a2"}, commitShas(rows));
        assertArrayEquals(new String[] {"d-3"}, (Object[]) batch.deliveryArraysOf(onlyTheLast).get(0));
        assertArrayEquals(new String[] {"d-1", "d-2", "d-3"}, (Object[]) batch.deliveryArraysOf(deliveries).get(0));
    }

    private static Object[] commitShas(BatchRows rows) {
        ReadModelTable.Prepared<?> commits = rows.tables().stream()
                .filter(table -> table.table() == ReadModelTables.COMMITS).findFirst().orElseThrow();
        return (Object[]) commits.arrays().get(0);
    }

    private static LogRecord push(long offset, String deliveryId, String repo, String sha) {
        return new LogRecord(Topics.EVENTS, 0, offset, delivery("push", deliveryId).toHeaders(),
                bytes(Payloads.push(repo, "main", Payloads.commit(sha, "feat: " + sha, "octo",
                        "2024-03-01T09:00:00Z"))));
    }
}
