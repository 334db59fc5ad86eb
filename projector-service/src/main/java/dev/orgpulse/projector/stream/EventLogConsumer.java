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
import dev.orgpulse.projector.fold.RecordFolder;
import dev.orgpulse.projector.readmodel.BatchResult;
import dev.orgpulse.projector.readmodel.DeadLetterNote;
import dev.orgpulse.projector.version.ReadModelVersionMoved;
import dev.orgpulse.projector.version.ReadModelVersions;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Folds {@code orgpulse-events} batch by batch. A batch is decided in memory first (unreadable records become
 * dead letters there), then written in one transaction with its checkpoints, then announced on
 * {@code orgpulse-changes}. The next batch is only handed over once this one is committed.
 * <p>
 * The batch goes to the live read-model version ({@link BatchWriter} says what happens to data PostgreSQL refuses).
 * Any other failure (database unreachable, ...) retries the batch with back-off for as long as it takes: nothing is skipped and readiness reports the fold as stuck meanwhile.
 */
@ApplicationScoped
public class EventLogConsumer {

    private static final Logger LOG = Logger.getLogger(EventLogConsumer.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final RecordFolder folder = new RecordFolder();
    private final BatchWriter writer;
    private final ReadModelVersions versions;
    private final ChangeNoticePublisher notices;
    private final FoldProgress progress;
    private final MeterRegistry metrics;

    public EventLogConsumer(BatchWriter writer, ReadModelVersions versions, ChangeNoticePublisher notices,
            FoldProgress progress, MeterRegistry metrics) {
        this.writer = writer;
        this.versions = versions;
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

    /**
     * A batch refused because a rebuild just became current is written again at once into the new version (where
     * what the rebuild already folded is skipped); any other failure is retried with back-off.
     */
    private Uni<BatchResult> writeUntilCommitted(FoldPlan plan) {
        return Uni.createFrom().deferred(() -> writer.write(versions.live(), plan))
                .onFailure(ReadModelVersionMoved.class).invoke(moved -> {
                    LOG.infof("Batch up to %s: %s; writing it there", plan.nextOffsets(), moved.getMessage());
                    versions.follow(((ReadModelVersionMoved) moved).current());
                })
                .onFailure(ReadModelVersionMoved.class).retry().indefinitely()
                .onFailure().invoke(failure -> {
                    progress.batchFailed(failure);
                    LOG.errorf(failure, "Batch up to %s could not be written; retrying", plan.nextOffsets());
                })
                .onFailure().retry().withBackOff(FIRST_RETRY, LONGEST_RETRY).indefinitely()
                .invoke(progress::batchWritten);
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
