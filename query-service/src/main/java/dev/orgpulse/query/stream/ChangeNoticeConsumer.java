package dev.orgpulse.query.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import dev.orgpulse.eventlog.ChangeNotice;
import dev.orgpulse.eventlog.ConsumerThread;
import dev.orgpulse.eventlog.KafkaClientSettings;
import dev.orgpulse.eventlog.MalformedRecordException;
import dev.orgpulse.eventlog.ReadModel;
import dev.orgpulse.query.config.QueryConfig;
import dev.orgpulse.query.readmodel.ReadModelCaches;
import dev.orgpulse.query.readmodel.StatsReadModel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Reacts to each change notice from the projectors of the read-model version this node serves ({@link ServedVersion}):
 * empties the caches of the read models it names, then pushes the feed items up to the log positions it reached, and
 * fresh stats, to the stream clients. The items are read from the database, not taken from the notice: a notice that
 * cannot be handled is logged and skipped, and the next one brings its items too.
 * <p>
 * The notices are read by a plain Kafka consumer on a thread of its own, assigned every partition of the topic rather
 * than a member of a consumer group: every node must see every notice, and only those from its start on, so there is
 * nothing to share and nothing to commit. When the broker restarts, such a consumer reconnects and reads on from where
 * it was; the SmallRye channel it replaces, a group of its own per node, had its partition revoked by the restart and
 * was never given it back (FaultsIT, fault 4). Notices are handled one at a time, in order, each on a Vert.x context
 * (the caches and the database client need one) while the polling thread waits for it.
 */
@ApplicationScoped
public class ChangeNoticeConsumer {

    private static final Logger LOG = Logger.getLogger(ChangeNoticeConsumer.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    /** After the broker failed to answer, how long before it is asked again. */
    private static final Duration RETRY = Duration.ofSeconds(1);
    /** How long one notice may take to handle before the next is taken up anyway: a later notice brings its changes too. */
    private static final Duration HANDLING_PATIENCE = Duration.ofSeconds(30);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final ReadModelCaches caches;
    private final PushedFeed pushed;
    private final StatsReadModel stats;
    private final ChangeHub hub;
    private final ServedVersion served;
    private final Vertx vertx;
    private final Map<String, Object> consumerConfig;
    private final String topic;
    private volatile boolean listening;
    private ConsumerThread thread;

    public ChangeNoticeConsumer(ReadModelCaches caches, PushedFeed pushed, StatsReadModel stats, ChangeHub hub,
            ServedVersion served, Vertx vertx, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            QueryConfig config) {
        this.served = served;
        this.caches = caches;
        this.pushed = pushed;
        this.stats = stats;
        this.hub = hub;
        this.vertx = vertx;
        this.topic = config.query().changesTopic();
        consumerConfig = KafkaClientSettings.consumer(kafkaConfig);
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "orgpulse-query-changes");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // where the broker no longer has this node's position (a new log): what is published from now on
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    }

    void onStart(@Observes StartupEvent start) {
        thread = ConsumerThread.start("orgpulse-change-notices",
                new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer()), this::follow,
                "until this node restarts, its caches follow the read models only at their expiry and its streams "
                        + "carry no new activity");
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (thread != null) {
            thread.stop(HANDLING_PATIENCE.plus(STOP_WAIT));
        }
    }

    /** Whether this node has fixed where it reads from: every notice published from then on reaches it. */
    public boolean listening() {
        return listening;
    }

    private void follow(KafkaConsumer<String, byte[]> consumer, BooleanSupplier running) {
        startAtTheEnd(consumer, running);
        while (running.getAsBoolean()) {
            try {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    handle(record.value());
                }
            } catch (WakeupException e) {
                // onStop() ends a waiting poll this way, and the thread with it
                throw e;
            } catch (KafkaException e) {
                // the consumer reconnects by itself; anything else (authorization, ...) is said until it is fixed
                LOG.warnf("change notices on %s not read (%s); trying again", topic, e.toString());
                pause();
            }
        }
    }

    /** Assigns every partition of the topic and fixes this node's position at their end, asking until the broker answers. */
    private void startAtTheEnd(KafkaConsumer<String, byte[]> consumer, BooleanSupplier running) {
        while (running.getAsBoolean()) {
            try {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(partition -> new TopicPartition(topic, partition.partition())).toList();
                if (partitions.isEmpty()) {
                    LOG.warnf("topic %s not found; looking again", topic);
                    pause();
                    continue;
                }
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                // seekToEnd is lazy: asking for the positions fixes them now, before listening() says so
                Map<Integer, Long> start = partitions.stream()
                        .collect(Collectors.toMap(TopicPartition::partition, consumer::position));
                listening = true;
                LOG.infof("reading change notices on %s from %s", topic, start);
                return;
            } catch (WakeupException e) {
                // onStop()
                throw e;
            } catch (KafkaException e) {
                LOG.warnf("change notices on %s not reached (%s); trying again", topic, e.toString());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to ask the broker again", e);
        }
    }

    /** Handles one notice on a Vert.x context of its own, waiting for it, so that the next one starts after it. */
    private void handle(byte[] value) {
        try {
            onChange(value)
                    .runSubscriptionOn(task -> VertxContext.getOrCreateDuplicatedContext(vertx)
                            .runOnContext(ignored -> task.run()))
                    .await().atMost(HANDLING_PATIENCE);
        } catch (TimeoutException e) {
            LOG.warnf("a change notice was not handled within %s; taking up the next one", HANDLING_PATIENCE);
        } catch (RuntimeException e) {
            LOG.errorf(e, "change notice skipped");
        }
    }

    private Uni<Void> onChange(byte[] value) {
        ChangeNotice notice;
        try {
            notice = ChangeNotice.fromJson(value);
        } catch (MalformedRecordException e) {
            LOG.warnf("change notice skipped: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return served.serves(notice.readModelVersion()).chain(serves -> {
            if (!serves) {
                LOG.debugf("change notice of read-model version %s ignored: this node serves another version",
                        notice.readModelVersion());
                return Uni.createFrom().voidItem();
            }
            return onServedChange(notice);
        }).onFailure().recoverWithItem(failure -> {
            LOG.errorf(failure, "change notice committed at %s (version %s) not handled", notice.committedAt(),
                    notice.readModelVersion());
            return null;
        });
    }

    private Uni<Void> onServedChange(ChangeNotice notice) {
        Set<ReadModel> changed = notice.changed() == null ? Set.of() : notice.changed();
        Map<Integer, Long> reached = notice.positions() == null ? Map.of() : notice.positions();
        Set<String> stale = ReadModelCaches.cachesOf(changed);
        return caches.invalidate(stale)
                .chain(() -> pushed.changeTo(reached, stats.current()))
                .invoke(hub::publish)
                .invoke(change -> LOG.debugf("change notice committed at %s: emptied caches %s, pushed %d feed items",
                        notice.committedAt(), stale, change.itemCount()))
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "change notice committed at %s (changed %s) reached no stream client",
                            notice.committedAt(), changed);
                    return null;
                });
    }
}
