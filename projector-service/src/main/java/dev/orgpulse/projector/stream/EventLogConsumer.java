package dev.orgpulse.projector.stream;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteBufferDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import dev.orgpulse.projector.config.ProjectorConfig;
import dev.orgpulse.projector.fold.FoldPlan;
import dev.orgpulse.projector.readmodel.BatchResult;
import dev.orgpulse.projector.readmodel.DeadLetterNote;
import dev.orgpulse.projector.readmodel.PreparedBatch;
import dev.orgpulse.projector.version.ReadModelVersionMoved;
import dev.orgpulse.projector.version.ReadModelVersions;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Folds {@code orgpulse-events} batch by batch with a Kafka consumer of the live group on a thread of its own
 * ({@link PipelinedFold}: the next batch is decided while this one is written). A batch is decided in memory first
 * (unreadable records become dead letters there), then written in one transaction with its checkpoints, then announced
 * on {@code orgpulse-changes}.
 * <p>
 * The batch goes to the live read-model version ({@link BatchWriter} says what happens to data PostgreSQL refuses).
 * Any other failure (database unreachable, ...) retries the batch with back-off for as long as it takes: nothing is
 * skipped and readiness reports the fold as stuck meanwhile.
 */
@ApplicationScoped
public class EventLogConsumer implements PipelinedFold.Batches {

    private static final Logger LOG = Logger.getLogger(EventLogConsumer.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    /** On shutdown, how long the batch being written has to commit before it is rolled back. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final BatchWriter writer;
    private final ReadModelVersions versions;
    private final ChangeNoticePublisher notices;
    private final FoldProgress progress;
    private final MeterRegistry metrics;
    private final CheckpointSeeker seeker;
    private final EventLogSettings settings;
    private final String consumerGroup;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, ByteBuffer> consumer;
    private volatile Thread thread;

    public EventLogConsumer(BatchWriter writer, ReadModelVersions versions, ChangeNoticePublisher notices,
            FoldProgress progress, MeterRegistry metrics, CheckpointSeeker seeker, EventLogSettings settings,
            ProjectorConfig config) {
        this.writer = writer;
        this.versions = versions;
        this.notices = notices;
        this.progress = progress;
        this.metrics = metrics;
        this.seeker = seeker;
        this.settings = settings;
        this.consumerGroup = config.projector().consumerGroup();
    }

    void onStart(@Observes StartupEvent start) {
        KafkaConsumer<String, ByteBuffer> created = new KafkaConsumer<>(settings.consumerConfig(consumerGroup),
                new StringDeserializer(), new ByteBufferDeserializer());
        consumer = created;
        thread = new Thread(() -> fold(created), "orgpulse-fold");
        thread.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        running = false;
        if (thread != null) {
            consumer.wakeup();
            try {
                thread.join(SHUTDOWN_GRACE.multipliedBy(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void fold(KafkaConsumer<String, ByteBuffer> consumer) {
        try (consumer) {
            consumer.subscribe(List.of(settings.topic()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    seeker.onPartitionsAssigned(consumer, partitions);
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    LOG.infof("Revoked %s", partitions);
                }
            });
            PipelinedFold pipeline = new PipelinedFold(consumer, this);
            while (running) {
                try {
                    pipeline.step();
                } catch (WakeupException e) {
                    // onStop() ends a waiting poll this way
                }
            }
            pipeline.finish(SHUTDOWN_GRACE);
            LOG.info("The fold stopped");
        } catch (RuntimeException e) {
            progress.batchFailed(e);
            LOG.errorf(e, "The fold stopped: the read models stay where they are until the projector restarts");
        }
    }

    /**
     * A batch refused because a rebuild just became current is written again at once into the new version (where
     * what the rebuild already folded is skipped); any other failure is retried with back-off.
     */
    @Override
    public Uni<BatchResult> write(PreparedBatch batch) {
        FoldPlan plan = batch.plan();
        return Uni.createFrom().deferred(() -> writer.write(versions.live(), batch))
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

    @Override
    public void written(BatchResult result) {
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
