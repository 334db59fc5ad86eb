package dev.orgpulse.projector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.projector.fold.FoldPlan;
import dev.orgpulse.projector.readmodel.BatchResult;
import dev.orgpulse.projector.readmodel.PreparedBatch;
import io.smallrye.mutiny.Uni;

class PipelinedFoldTest {

    private final TopicPartition partition = new TopicPartition(Topics.EVENTS, 0);
    private final WaitingConsumer consumer = new WaitingConsumer();
    private final List<FoldPlan> started = new ArrayList<>();
    private final List<CompletableFuture<BatchResult>> commits = new ArrayList<>();
    private final List<BatchResult> written = new ArrayList<>();
    private final PipelinedFold fold = new PipelinedFold(consumer, new PipelinedFold.Batches() {
        @Override
        public Uni<BatchResult> write(PreparedBatch batch) {
            started.add(batch.plan());
            CompletableFuture<BatchResult> commit = new CompletableFuture<>();
            commits.add(commit);
            return Uni.createFrom().completionStage(commit);
        }

        @Override
        public void written(BatchResult result) {
            written.add(result);
        }
    });

    PipelinedFoldTest() {
        consumer.assign(List.of(partition));
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        consumer.seekToBeginning(List.of(partition));
    }

    @Test
    void theNextBatchIsDecidedWhileOneIsWrittenAndWaitsForItsCommit() {
        append(0, 1);
        fold.step();
        assertEquals(List.of(0L, 1L), offsets(started.get(0)));

        append(2, 3);
        fold.step();
        assertEquals(1, started.size(), "the second batch waits for the first's commit");
        assertEquals(consumer.assignment(), consumer.paused(), "nothing more is fetched meanwhile");

        append(4);
        fold.step();
        assertEquals(1, started.size());

        BatchResult first = result();
        commits.get(0).complete(first);
        fold.step();
        assertEquals(List.of(first), written);
        assertEquals(List.of(2L, 3L), offsets(started.get(1)));
        assertTrue(consumer.paused().isEmpty());

        commits.get(1).complete(result());
        fold.step();
        assertEquals(2, written.size());
        assertEquals(List.of(4L), offsets(started.get(2)), "what arrived while paused is read after");
    }

    @Test
    void aBatchCommittedWhileTheFoldWaitsForRecordsIsReportedWithoutWaitingForMore() {
        append(0);
        fold.step();
        BatchResult lone = result();
        // the write commits while the fold waits for records that do not come (a lone delivery)
        consumer.schedulePollTask(() -> commits.get(0).complete(lone));
        consumer.waited = Duration.ZERO;

        while (written.isEmpty()) {
            fold.step();
        }

        assertEquals(List.of(lone), written);
        assertTrue(consumer.waited.compareTo(PipelinedFold.IN_FLIGHT_POLL) <= 0,
                "the report waited " + consumer.waited + " for records that never came");
    }

    @Test
    void aBatchThatCannotBeWrittenEndsTheFoldAndNothingAfterItIsWritten() {
        append(0);
        fold.step();
        append(1);
        fold.step();
        commits.get(0).completeExceptionally(new IllegalStateException("rebuild cancelled"));

        assertThrows(IllegalStateException.class, fold::step);
        assertEquals(1, started.size());
        assertTrue(written.isEmpty());
    }

    @Test
    void flushingWritesWhatWasDecidedInOrderAndWaitsForIt() {
        append(0);
        fold.step();
        append(1);
        fold.step();
        commits.get(0).complete(result());

        assertFalse(fold.flush(Duration.ofMillis(200)), "the second batch is not committed yet");
        assertEquals(List.of(1L), offsets(started.get(1)));
        assertTrue(consumer.paused().isEmpty());

        commits.get(1).complete(result());
        assertTrue(fold.flush(Duration.ofSeconds(1)));
        assertEquals(2, written.size());
    }

    @Test
    void finishingWaitsForTheBatchInFlightAndDropsTheWaitingOne() {
        append(0);
        fold.step();
        append(1);
        fold.step();
        commits.get(0).complete(result());

        fold.finish(Duration.ofSeconds(1));

        assertEquals(1, written.size());
        assertEquals(1, started.size());
    }

    @Test
    void aBatchLeavesTheFoldWhereTheConsumerStandsAndPassedMarkersAloneMoveItToo() {
        append(0, 1);
        fold.step();
        assertEquals(Map.of(partition, 2L), started.get(0).nextOffsets());
        commits.get(0).complete(result());

        // the consumer passed a transaction's commit marker (offset 2), which is never read as a record
        consumer.seek(partition, 3);
        fold.step();

        assertEquals(2, started.size());
        assertTrue(started.get(1).records().isEmpty());
        assertEquals(Map.of(partition, 3L), started.get(1).nextOffsets());
        commits.get(1).complete(result());

        fold.step();
        assertEquals(2, started.size(), "nothing moved: no batch");
    }

    /** Adds up how long its polls would have waited on a broker that has no records for them. */
    private static final class WaitingConsumer extends MockConsumer<String, ByteBuffer> {

        Duration waited = Duration.ZERO;

        WaitingConsumer() {
            super("earliest");
        }

        @Override
        public synchronized ConsumerRecords<String, ByteBuffer> poll(Duration timeout) {
            ConsumerRecords<String, ByteBuffer> records = super.poll(timeout);
            if (records.isEmpty()) {
                waited = waited.plus(timeout);
            }
            return records;
        }
    }

    private void append(long... offsets) {
        for (long offset : offsets) {
            consumer.addRecord(new ConsumerRecord<>(Topics.EVENTS, 0, offset, "github:acme/api",
                    ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8))));
        }
    }

    private static List<Long> offsets(FoldPlan plan) {
        return plan.records().stream().map(planned -> planned.record().offset()).toList();
    }

    private static BatchResult result() {
        return BatchResult.combine(List.of());
    }
}
