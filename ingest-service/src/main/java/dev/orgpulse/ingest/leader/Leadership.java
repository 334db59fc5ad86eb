package dev.orgpulse.ingest.leader;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import dev.orgpulse.eventlog.ConsumerThread;
import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.ingest.github.GitHubConnection;
import dev.orgpulse.ingest.log.LogReaders;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Elects the one replica that talks to GitHub on the organisation's behalf (delivery recovery, backfills): every
 * replica joins the consumer group {@value #GROUP_ID} on the single-partition topic {@link Topics#BACKFILLS}, and
 * the broker gives that partition to exactly one member. It reads nothing there (the partition stays paused); it
 * only holds it. The group protocol is eager ({@link RangeAssignor}), so the partition is revoked from the old
 * holder before the new one is told, and a holder that dies loses it after the session timeout.
 * <p>
 * Kafka rather than a database lock because the ingest service has no database, and the broker already is what
 * every replica shares.
 */
@ApplicationScoped
public class Leadership {

    static final String GROUP_ID = "orgpulse-ingest-github";
    private static final Logger LOG = Logger.getLogger(Leadership.class);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    private static final TopicPartition LEASE = new TopicPartition(Topics.BACKFILLS, 0);

    private final Map<String, Object> kafka;
    private final GitHubConnection github;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean leading;
    private ConsumerThread loop;

    public Leadership(@Identifier("default-kafka-broker") Map<String, Object> kafka, GitHubConnection github) {
        this.kafka = kafka;
        this.github = github;
    }

    /** @return whether this replica runs recovery and backfills now */
    public boolean leading() {
        return leading;
    }

    /** @param listener told {@code true} when this replica becomes the leader, {@code false} when it stops being it */
    public void onChange(Consumer<Boolean> listener) {
        listeners.add(listener);
    }

    void start(@Observes StartupEvent started) {
        if (!github.configured()) {
            return;
        }
        Map<String, Object> settings = LogReaders.settings(kafka, GROUP_ID);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        settings.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        loop = ConsumerThread.start(GROUP_ID, new KafkaConsumer<>(settings), this::run,
                "recovery and backfills stop on this replica until it restarts");
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (loop != null) {
            loop.stop(Duration.ofSeconds(10));
        }
    }

    private void run(KafkaConsumer<String, byte[]> member, BooleanSupplier running) {
        member.subscribe(List.of(Topics.BACKFILLS), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                if (partitions.contains(LEASE)) {
                    change(false);
                }
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                onPartitionsRevoked(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                member.pause(partitions);
                if (partitions.contains(LEASE)) {
                    change(true);
                }
            }
        });
        try {
            while (running.getAsBoolean()) {
                member.poll(POLL_TIMEOUT);
            }
        } finally {
            change(false);
        }
    }

    private void change(boolean nowLeading) {
        if (leading == nowLeading) {
            return;
        }
        leading = nowLeading;
        LOG.infof(nowLeading ? "This replica now runs delivery recovery and backfills (it holds %s of group %s)"
                : "This replica no longer runs delivery recovery and backfills (released %s of group %s)", LEASE,
                GROUP_ID);
        listeners.forEach(listener -> listener.accept(nowLeading));
    }
}
