package dev.orgpulse.projector.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.orgpulse.projector.fold.FoldPlan;
import dev.orgpulse.projector.fold.LogRecord;
import dev.orgpulse.projector.fold.PlannedRecord;
import dev.orgpulse.projector.fold.RecordFolder;
import dev.orgpulse.projector.readmodel.BatchResult;
import dev.orgpulse.projector.readmodel.DatabaseErrors;
import dev.orgpulse.projector.readmodel.DeadLetterNote;
import dev.orgpulse.projector.readmodel.FoldTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Folds {@code orgpulse-events} batch by batch. A batch is decided in memory first (unreadable records become
 * dead letters there), then written in one transaction with its checkpoints, then announced on
 * {@code orgpulse-changes}. The next batch is only handed over once this one is committed.
 * <p>
 * Should PostgreSQL refuse the batch's data, its records are written one transaction each and the refused
 * one becomes a dead letter. Any other failure (database unreachable, ...) retries the batch with back-off
 * for as long as it takes: nothing is skipped and readiness reports the fold as stuck meanwhile.
 */
@ApplicationScoped
public class EventLogConsumer {

    private static final Logger LOG = Logger.getLogger(EventLogConsumer.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final RecordFolder folder = new RecordFolder();
    private final FoldTransaction transaction;
    private final ChangeNoticePublisher notices;
    private final FoldProgress progress;
    private final MeterRegistry metrics;

    public EventLogConsumer(FoldTransaction transaction, ChangeNoticePublisher notices, FoldProgress progress,
            MeterRegistry metrics) {
        this.transaction = transaction;
        this.notices = notices;
        this.progress = progress;
        this.metrics = metrics;
    }

    @Incoming("events")
    public Uni<Void> fold(ConsumerRecords<String, byte[]> records) {
        List<LogRecord> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            batch.add(new LogRecord(record.topic(), record.partition(), record.offset(), record.headers(),
                    record.value()));
        }
        FoldPlan plan = FoldPlan.of(batch, folder);
        return writeUntilCommitted(plan).invoke(this::report).replaceWithVoid();
    }

    private Uni<BatchResult> writeUntilCommitted(FoldPlan plan) {
        return Uni.createFrom().deferred(() -> write(plan))
                .onFailure().invoke(failure -> {
                    progress.batchFailed(failure);
                    LOG.errorf(failure, "Batch up to %s could not be written; retrying", plan.nextOffsets());
                })
                .onFailure().retry().withBackOff(FIRST_RETRY, LONGEST_RETRY).indefinitely()
                .invoke(progress::batchWritten);
    }

    private Uni<BatchResult> write(FoldPlan plan) {
        return transaction.apply(plan)
                .onFailure(DatabaseErrors::rejectedData).recoverWithUni(refused -> {
                    LOG.warnf("PostgreSQL refused the batch up to %s (%s); writing its records one by one",
                            plan.nextOffsets(), DatabaseErrors.describe(refused));
                    return Multi.createFrom().iterable(plan.records())
                            .onItem().transformToUniAndConcatenate(this::writeAlone)
                            .collect().asList()
                            .map(BatchResult::combine);
                });
    }

    private Uni<BatchResult> writeAlone(PlannedRecord record) {
        return transaction.apply(FoldPlan.of(record))
                .onFailure(DatabaseErrors::rejectedData).recoverWithUni(refused -> {
                    return transaction.apply(FoldPlan.of(record.asDeadLetter(DatabaseErrors.refusalReason(refused))));
                });
    }

    private void report(BatchResult result) {
        LOG.infof("Batch of %d records: %d folded, %d ignored, %d duplicates, %d dead letters; next offsets %s",
                result.records(), result.folded(), result.ignored(), result.duplicates(), result.deadLetters().size(),
                result.positions());
        for (DeadLetterNote deadLetter : result.deadLetters()) {
            LOG.warnf("Dead letter: delivery %s (%s) at %s: %s", deadLetter.deliveryId(), deadLetter.eventType(),
                    deadLetter.position(), deadLetter.reason());
        }
        count("folded", result.folded());
        count("ignored", result.ignored());
        count("duplicate", result.duplicates());
        count("dead_letter", result.deadLetters().size());
        notices.publishChanges(result);
    }

    private void count(String outcome, int records) {
        metrics.counter("orgpulse.projector.records", "outcome", outcome).increment(records);
    }
}
