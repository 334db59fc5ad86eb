package dev.orgpulse.ingest.backfill;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.ingest.log.LogReaders;
import dev.orgpulse.ingest.log.ProducerSettings;

/**
 * Every backfill's latest state, read from {@link Topics#BACKFILLS} from its start and followed on a thread of its
 * own, so any replica answers for any backfill; {@link #save} writes a state there (acknowledged by every in-sync
 * replica) and shows it here at once. Once a backfill ended (done, failed, cancelled), an older "running" record
 * that arrives after cannot bring it back.
 */
final class BackfillStates implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BackfillStates.class);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

    private final Map<String, BackfillState> states = new ConcurrentHashMap<>();
    private final Producer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> reader;
    private final Duration ackTimeout;
    private final Thread follower;
    private volatile boolean running = true;

    BackfillStates(Map<String, Object> kafka, Duration ackTimeout) {
        this.ackTimeout = ackTimeout;
        this.producer = new KafkaProducer<>(ProducerSettings.forLog(kafka, ackTimeout, 1024 * 1024));
        this.reader = LogReaders.wholeTopic(kafka, "orgpulse-ingest-backfills", Topics.BACKFILLS);
        this.follower = new Thread(this::follow, "orgpulse-backfill-states");
        follower.setDaemon(true);
        follower.start();
    }

    Optional<BackfillState> get(String id) {
        return Optional.ofNullable(states.get(id));
    }

    Collection<BackfillState> all() {
        return List.copyOf(states.values());
    }

    /** @throws IllegalStateException when the broker did not acknowledge it in time */
    void save(BackfillState state) {
        byte[] value;
        try {
            value = LogJson.MAPPER.writeValueAsBytes(state);
        } catch (IOException e) {
            throw new IllegalStateException("backfill state not writable as JSON", e);
        }
        try {
            producer.send(new ProducerRecord<>(Topics.BACKFILLS, state.id(), value))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving backfill " + state.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take backfill " + state.id() + "'s state: " + e, e);
        }
        apply(state);
    }

    private void apply(BackfillState state) {
        states.merge(state.id(), state, (known, next) -> known.isFinal() && !next.isFinal() ? known : next);
    }

    private void follow() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(POLL_TIMEOUT)) {
                    if (record.value() == null) {
                        continue;
                    }
                    try {
                        apply(LogJson.MAPPER.readValue(record.value(), BackfillState.class));
                    } catch (IOException e) {
                        LOG.warnf("Backfill state %s at %s@%d is unreadable, skipped: %s", record.key(),
                                record.topic(), record.offset(), e.getMessage());
                    }
                }
            }
        } catch (WakeupException e) {
            // close() ends the loop this way
        } catch (RuntimeException e) {
            LOG.error("Backfill states no longer followed; GET /admin/backfills answers from what was read", e);
        } finally {
            reader.close();
        }
    }

    @Override
    public void close() {
        running = false;
        reader.wakeup();
        producer.close(ackTimeout);
    }
}
