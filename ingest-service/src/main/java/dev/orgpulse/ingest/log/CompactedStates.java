package dev.orgpulse.ingest.log;

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
import java.util.function.BinaryOperator;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import dev.orgpulse.eventlog.LogJson;

/**
 * The latest state of each key of one kind on a compacted topic (JSON values), read from the topic's start and
 * followed on a thread of its own, so that any replica answers for any key; {@link #save} writes a state there
 * (acknowledged by every in-sync replica) and shows it here at once. A {@code merge} rule decides between the state
 * known and one read later (so an ended piece of work is not brought back by an older record that arrives after).
 *
 * @param <T> the JSON shape of a state
 */
public final class CompactedStates<T> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CompactedStates.class);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

    private final Map<String, T> states = new ConcurrentHashMap<>();
    private final String topic;
    private final Class<T> type;
    private final Predicate<String> ownKeys;
    private final BinaryOperator<T> merge;
    private final Producer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> reader;
    private final Duration ackTimeout;
    private volatile boolean running = true;

    /**
     * @param ownKeys the keys of this kind of state (others share the topic)
     * @param merge given the known state and the next one, returns the one to keep
     */
    public CompactedStates(Map<String, Object> kafka, Duration ackTimeout, String topic, String clientId,
            Class<T> type, Predicate<String> ownKeys, BinaryOperator<T> merge) {
        this.topic = topic;
        this.type = type;
        this.ownKeys = ownKeys;
        this.merge = merge;
        this.ackTimeout = ackTimeout;
        this.producer = new KafkaProducer<>(ProducerSettings.forLog(kafka, ackTimeout, 1024 * 1024));
        this.reader = LogReaders.wholeTopic(kafka, clientId, topic);
        Thread follower = new Thread(this::follow, clientId);
        follower.setDaemon(true);
        follower.start();
    }

    public Optional<T> get(String key) {
        return Optional.ofNullable(states.get(key));
    }

    public Collection<T> all() {
        return List.copyOf(states.values());
    }

    /** @throws IllegalStateException when the broker did not acknowledge it in time */
    public void save(String key, T state) {
        byte[] value;
        try {
            value = LogJson.MAPPER.writeValueAsBytes(state);
        } catch (IOException e) {
            throw new IllegalStateException(key + "'s state is not writable as JSON", e);
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving " + key, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take " + key + "'s state: " + e, e);
        }
        states.merge(key, state, merge);
    }

    private void follow() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(POLL_TIMEOUT)) {
                    if (record.value() == null || record.key() == null || !ownKeys.test(record.key())) {
                        continue;
                    }
                    try {
                        states.merge(record.key(), LogJson.MAPPER.readValue(record.value(), type), merge);
                    } catch (IOException e) {
                        LOG.warnf("State %s at %s@%d is unreadable, skipped: %s", record.key(), record.topic(),
                                record.offset(), e.getMessage());
                    }
                }
            }
        } catch (WakeupException e) {
            // close() ends the loop this way
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s no longer followed; the states read so far are what this replica knows", topic);
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
