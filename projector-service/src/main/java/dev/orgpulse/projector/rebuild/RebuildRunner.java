package dev.orgpulse.projector.rebuild;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteBufferDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import dev.orgpulse.projector.readmodel.BatchResult;
import dev.orgpulse.projector.readmodel.PreparedBatch;
import dev.orgpulse.projector.stream.CheckpointSeeker;
import dev.orgpulse.projector.stream.PipelinedFold;
import dev.orgpulse.projector.version.ReadModelVersion;
import io.agroal.api.AgroalDataSource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * One rebuild, on a thread of its own: reads the log from the new version's checkpoints (offset 0 at first) with a
 * consumer of its own, writes each batch with the live fold's code path into the new version, and once it is within a
 * batch of the log's end, makes the version current ({@link dev.orgpulse.projector.version.VersionCatalog#switchTo}).
 * <p>
 * Only one replica runs a rebuild: the runner holds a PostgreSQL advisory lock for as long as it runs, and a runner
 * that does not get it ends at once. It publishes no change notices: nobody reads the new version before the switch.
 */
final class RebuildRunner implements Runnable {

    private static final Logger LOG = Logger.getLogger(RebuildRunner.class);

    /** Key of the advisory lock held by the replica running the rebuild (the bytes of "rebuild!"). */
    private static final long RUNNING_LOCK = 0x7265_6275_696c_6421L;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(5);

    /** What the metrics show of a running rebuild. */
    record Snapshot(String id, ReadModelVersion version, RebuildState state, long folded, Long remaining,
            double ratePerSecond) {
    }

    private final Rebuild rebuild;
    private final ReadModelVersion version;
    private final RebuildContext context;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private volatile boolean stopRequested;

    RebuildRunner(Rebuild rebuild, RebuildContext context) {
        this.rebuild = rebuild;
        this.version = ReadModelVersion.named(rebuild.version());
        this.context = context;
    }

    String id() {
        return rebuild.id();
    }

    Snapshot snapshot() {
        return snapshot.get();
    }

    /** Asks the runner to stop after its current batch. */
    void stop() {
        stopRequested = true;
    }

    @Override
    public void run() {
        AgroalDataSource dataSource = context.dataSource();
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock)) {
                LOG.debugf("Rebuild %s runs on another replica", rebuild.id());
                return;
            }
            try {
                LOG.infof("Rebuild %s of %s starts on this replica from %d records folded", rebuild.id(), version,
                        rebuild.folded());
                fold();
            } finally {
                // the pool keeps the connection, and a session's advisory lock with it
                unlock(lock);
            }
        } catch (RuntimeException | SQLException e) {
            LOG.errorf(e, "Rebuild %s of %s failed", rebuild.id(), version);
            if (context.store().end(rebuild.id(), RebuildState.FAILED, String.valueOf(e)) && !rebuild.resumed()) {
                context.catalog().drop(version);
            }
        } finally {
            snapshot.set(null);
        }
    }

    private void fold() {
        String topic = context.topic();
        try (KafkaConsumer<String, ByteBuffer> consumer = new KafkaConsumer<>(context.consumerConfig(version),
                new StringDeserializer(), new ByteBufferDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            CheckpointSeeker.seek(consumer, partitions,
                    context.checkpoints().nextOffsets(version, context.consumerGroup(), topic));
            RebuildRate rate = new RebuildRate(Instant.now(), rebuild.folded());
            Batches batches = new Batches(rebuild.folded());
            PipelinedFold pipeline = new PipelinedFold(consumer, batches);
            Instant lastReport = Instant.MIN;
            try {
                while (!stopRequested) {
                    pipeline.step();
                    long remaining = remaining(consumer, partitions);
                    // while records keep arriving the lag is rarely 0 at the instant it is read; within one batch of
                    // the log's end the switch is tried, and it only happens once this version has folded as far as
                    // the live one (VersionCatalog#switchTo): what arrives after it is the live fold's, now into this
                    // version. Tried once what was decided is committed: the runner's last batch is committed
                    // before it ends.
                    boolean caughtUp = remaining < context.batchSize();
                    RebuildState state = caughtUp ? RebuildState.SWITCHING : RebuildState.RUNNING;
                    double perSecond = rate.perSecond(batches.folded, Instant.now());
                    snapshot.set(new Snapshot(rebuild.id(), version, state, batches.folded, remaining, perSecond));
                    if (caughtUp || Duration.between(lastReport, Instant.now()).compareTo(PROGRESS_EVERY) >= 0) {
                        lastReport = Instant.now();
                        context.store().progress(rebuild.id(), state, batches.folded, remaining, perSecond);
                        if (!stillActive()) {
                            LOG.infof("Rebuild %s of %s was cancelled; stopping", rebuild.id(), version);
                            return;
                        }
                    }
                    if (caughtUp && pipeline.flush(BATCH_TIMEOUT)
                            && context.catalog().switchTo(version, context.consumerGroup(), topic, rebuild.id())) {
                        LOG.infof("Rebuild %s: %s is current after %d records", rebuild.id(), version,
                                batches.folded);
                        context.afterSwitch(version);
                        return;
                    }
                }
                LOG.infof("Rebuild %s of %s stopped at %d records folded", rebuild.id(), version, batches.folded);
            } finally {
                pipeline.finish(BATCH_TIMEOUT);
            }
        }
    }

    /** Writes the rebuild's batches into the new version, on a worker thread: the retries wait and ask the database. */
    private final class Batches implements PipelinedFold.Batches {

        private long folded;

        Batches(long folded) {
            this.folded = folded;
        }

        @Override
        public Uni<BatchResult> write(PreparedBatch batch) {
            return Uni.createFrom().item(() -> writeUntilCommitted(batch))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }

        @Override
        public void written(BatchResult result) {
            folded += result.records();
        }
    }

    private BatchResult writeUntilCommitted(PreparedBatch batch) {
        Duration wait = FIRST_RETRY;
        while (true) {
            try {
                return context.writer().write(context.versions().rebuilding(version), batch).await()
                        .atMost(BATCH_TIMEOUT);
            } catch (RuntimeException e) {
                if (stopRequested || !stillActive()) {
                    throw new IllegalStateException("rebuild " + rebuild.id() + " ended while a batch was written", e);
                }
                LOG.errorf(e, "Rebuild %s: batch up to %s could not be written into %s; retrying in %s", rebuild.id(),
                        batch.plan().nextOffsets(), version, wait);
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
            }
        }
    }

    private boolean stillActive() {
        return context.store().find(rebuild.id()).map(found -> found.rebuildState().active()).orElse(false);
    }

    private static long remaining(KafkaConsumer<String, ByteBuffer> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        return partitions.stream().mapToLong(partition -> Math.max(0, ends.get(partition) - consumer.position(partition)))
                .sum();
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pg_try_advisory_lock(" + RUNNING_LOCK + ")")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + RUNNING_LOCK + ")");
        }
    }

    private void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested = true;
        }
    }
}
