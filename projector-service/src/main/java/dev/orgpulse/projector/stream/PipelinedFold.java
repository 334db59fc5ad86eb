package dev.orgpulse.projector.stream;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

import dev.orgpulse.eventlog.ReadPositions;
import dev.orgpulse.projector.fold.FoldPlan;
import dev.orgpulse.projector.fold.LogRecord;
import dev.orgpulse.projector.fold.RecordFolder;
import dev.orgpulse.projector.readmodel.BatchResult;
import dev.orgpulse.projector.readmodel.PreparedBatch;
import io.smallrye.mutiny.Uni;

/**
 * The fold's pipeline, for the live fold and rebuilds alike: while batch N is written to PostgreSQL (by the reactive
 * client, on the event loop), batch N+1 is polled and decided in memory (parsed and folded) on the polling thread, so
 * that both cores work.
 * <p>
 * One batch is written at a time, in log order: batch N+1 starts only once batch N is committed. A batch being retried
 * (PostgreSQL down) therefore holds everything after it, and no checkpoint moves past unfolded records. While a decided
 * batch waits for its turn, every assigned partition is paused and the consumer keeps polling, so it stays in its group
 * and takes part in rebalances without fetching more. A partition revoked meanwhile may still be written by the batch
 * in flight or the one waiting: the checkpoints locked in the batch's transaction make whatever another owner folded
 * first a no-op (see {@code FoldTransaction}).
 * <p>
 * Not thread-safe: driven by one polling thread.
 */
public final class PipelinedFold {

    /** Where decided batches go. */
    public interface Batches {

        /** Writes a batch until it is committed; a failure ends the fold ({@link #step} throws it). */
        Uni<BatchResult> write(PreparedBatch batch);

        /** A batch was committed: called on the polling thread, in log order. */
        void written(BatchResult result);
    }

    /** How long a poll waits for records when no batch is being written or waiting for its turn. */
    private static final Duration POLL = Duration.ofMillis(500);
    /**
     * How long a poll waits for records while a batch is being written: its commit is reported (and its change notice
     * published) only once the poll returns, so a long poll would hold a lone delivery's notice for {@link #POLL}.
     */
    static final Duration IN_FLIGHT_POLL = Duration.ofMillis(5);
    /** While a batch waits for its turn: how long to wait for the one being written before polling again. */
    private static final Duration WAIT_SLICE = Duration.ofMillis(100);
    /** A poll with every partition paused: keeps the consumer in its group, fetches nothing. */
    private static final Duration PAUSED_POLL = Duration.ofMillis(1);

    private final Consumer<String, ByteBuffer> consumer;
    private final Batches batches;
    private final RecordFolder folder = new RecordFolder();
    /** The consumer's positions as far as the batches decided so far go. */
    private final ReadPositions decided = new ReadPositions();
    /** Decided, waiting for the batch in flight to be committed. */
    private PreparedBatch waiting;
    private CompletableFuture<BatchResult> inFlight;

    public PipelinedFold(Consumer<String, ByteBuffer> consumer, Batches batches) {
        this.consumer = consumer;
        this.batches = batches;
    }

    /**
     * Polls once and moves the pipeline on: a committed batch is reported, the waiting one starts, new records are
     * decided.
     */
    public void step() {
        if (waiting == null) {
            waiting = plan(consumer.poll(inFlight == null ? POLL : IN_FLIGHT_POLL));
        } else {
            awaitInFlight(WAIT_SLICE);
            ConsumerRecords<String, ByteBuffer> records = consumer.poll(PAUSED_POLL);
            if (!records.isEmpty()) {
                // a partition assigned by a rebalance during this poll was not paused yet: read it again later
                rewind(records);
            }
        }
        settle();
        if (inFlight == null && waiting != null) {
            inFlight = batches.write(waiting).subscribeAsCompletionStage();
            waiting = null;
        }
        if (waiting != null) {
            consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    /**
     * Writes everything decided so far (the batch in flight, then the waiting one) and waits for it, for a caller that
     * must act on a committed state (a rebuild about to switch): under steady arrivals the pipeline is rarely idle on
     * its own.
     *
     * @return whether everything decided is committed within {@code wait}
     */
    public boolean flush(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (inFlight != null || waiting != null) {
            if (inFlight != null) {
                awaitInFlight(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                if (!inFlight.isDone()) {
                    return false;
                }
                settle();
            }
            if (waiting != null) {
                inFlight = batches.write(waiting).subscribeAsCompletionStage();
                waiting = null;
                consumer.resume(consumer.paused());
            }
        }
        return true;
    }

    /**
     * Ends the fold: the batch in flight is given {@code grace} to commit (then cancelled: its transaction rolls back),
     * the waiting one is dropped. Both are read again from the checkpoints by whoever folds next.
     */
    public void finish(Duration grace) {
        waiting = null;
        if (inFlight != null) {
            awaitInFlight(grace);
            if (inFlight.isDone()) {
                settle();
            } else {
                inFlight.cancel(true);
                inFlight = null;
            }
        }
    }

    /**
     * Decides the batch and prepares its writes here, on the polling thread (and the common pool it folds on).
     *
     * @return the batch of the records polled, with the positions they leave the consumer at (past the transaction
     *         markers it skipped too); a batch of positions alone when the consumer only passed markers; {@code null}
     *         when nothing moved
     */
    private PreparedBatch plan(ConsumerRecords<String, ByteBuffer> records) {
        Map<TopicPartition, Long> moved = decided.moved(consumer);
        decided.recorded(moved);
        if (records.isEmpty() && moved.isEmpty()) {
            return null;
        }
        List<LogRecord> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, ByteBuffer> record : records) {
            batch.add(new LogRecord(record.topic(), record.partition(), record.offset(), record.headers(),
                    record.value()));
        }
        return PreparedBatch.of(FoldPlan.of(batch, moved, folder));
    }

    private void rewind(ConsumerRecords<String, ByteBuffer> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, ByteBuffer> record : records) {
            first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        first.forEach(consumer::seek);
    }

    private void awaitInFlight(Duration wait) {
        try {
            inFlight.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | CancellationException e) {
            // settle() reports what ended it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reports the batch in flight once it is committed; rethrows what ended it otherwise. */
    private void settle() {
        if (inFlight == null || !inFlight.isDone()) {
            return;
        }
        CompletableFuture<BatchResult> done = inFlight;
        inFlight = null;
        BatchResult result;
        try {
            result = done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        batches.written(result);
    }
}
