package dev.orgpulse.ingest.completion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.ConsumerThread;
import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.GitHubPayloads;
import dev.orgpulse.eventlog.MalformedRecordException;
import dev.orgpulse.eventlog.ReadPositions;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.ingest.backfill.BackfillRecord;
import dev.orgpulse.ingest.backfill.WebhookShapes;
import dev.orgpulse.ingest.config.IngestConfig;
import dev.orgpulse.ingest.delivery.LogIntake;
import dev.orgpulse.ingest.github.GitHubApi;
import dev.orgpulse.ingest.github.GitHubConnection;
import dev.orgpulse.ingest.log.LogReaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Completes truncated pushes ({@link TruncatedPush}): reads the log in its own consumer group, after the webhook's
 * append (so the push is never held up), fetches the commits a push left out from the compare API and appends them
 * as {@code commits} records of source {@code github-backfill} under the push's key, with delivery ids derived from
 * the push's, so completing one push twice has no second effect. The group starts at the log's end: history is the
 * backfill's. An offset is committed once its push is settled; one GitHub could not answer is logged and left.
 */
@ApplicationScoped
public class PushCompleter {

    static final String GROUP_ID = "orgpulse-push-completer";
    private static final Logger LOG = Logger.getLogger(PushCompleter.class);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

    private final GitHubConnection github;
    private final LogIntake log;
    private final Map<String, Object> kafka;
    private final Duration appendTimeout;
    private final MeterRegistry registry;
    private ConsumerThread loop;

    public PushCompleter(IngestConfig config, GitHubConnection github, LogIntake log,
            @Identifier("default-kafka-broker") Map<String, Object> kafka, MeterRegistry registry) {
        this.github = github;
        this.log = log;
        this.kafka = kafka;
        this.appendTimeout = config.ingest().ackTimeout().multipliedBy(2);
        this.registry = registry;
    }

    void start(@Observes StartupEvent started) {
        if (!github.configured()) {
            return;
        }
        Map<String, Object> settings = LogReaders.settings(kafka, GROUP_ID);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20");
        loop = ConsumerThread.start(GROUP_ID, new KafkaConsumer<>(settings), this::run,
                "truncated pushes stay incomplete until the service restarts");
        LOG.infof("Push completion on (consumer group %s): truncated pushes are completed from the compare API",
                GROUP_ID);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (loop != null) {
            loop.stop(Duration.ofSeconds(10));
        }
    }

    private void run(KafkaConsumer<String, byte[]> reader, BooleanSupplier running) {
        reader.subscribe(List.of(Topics.EVENTS), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // positions are committed after each poll
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                startAtTheEnd(reader, partitions);
            }
        });
        ReadPositions committed = new ReadPositions();
        while (running.getAsBoolean()) {
            reader.poll(POLL_TIMEOUT).forEach(this::settle);
            commit(reader, committed);
        }
    }

    /**
     * A partition the group never read starts at the log's end, and that start is committed at once: a push appended
     * from now on is completed even if the service restarts before reading it.
     */
    private static void startAtTheEnd(KafkaConsumer<String, byte[]> reader, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = reader.committed(new HashSet<>(partitions));
        Map<TopicPartition, OffsetAndMetadata> starts = new HashMap<>();
        for (TopicPartition partition : partitions) {
            if (committed.get(partition) == null) {
                starts.put(partition, new OffsetAndMetadata(reader.position(partition)));
            }
        }
        if (!starts.isEmpty()) {
            reader.commitSync(starts);
        }
    }

    /** Commits the positions that moved, past records and transaction markers alike (see {@link ReadPositions}). */
    private static void commit(KafkaConsumer<String, byte[]> reader, ReadPositions committed) {
        Map<TopicPartition, Long> moved = committed.moved(reader);
        if (moved.isEmpty()) {
            return;
        }
        try {
            reader.commitSync(ReadPositions.asOffsets(moved));
            committed.recorded(moved);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warnf("Push completion could not commit its position (%s); those pushes may be looked at again, "
                    + "which appends nothing twice", e);
        }
    }

    private void settle(ConsumerRecord<String, byte[]> record) {
        DeliveryMetadata delivery;
        JsonNode push;
        try {
            delivery = DeliveryMetadata.fromHeaders(record.headers());
            if (!Sources.GITHUB.equals(delivery.source()) || !"push".equals(delivery.eventType())) {
                return;
            }
            push = GitHubPayloads.parse(record.value(), delivery.contentType());
        } catch (MalformedRecordException e) {
            return;
        }
        Optional<TruncatedPush> truncated = TruncatedPush.of(push);
        if (truncated.isEmpty()) {
            return;
        }
        try {
            int appended = complete(truncated.get(), delivery.deliveryId(), record.key());
            LOG.infof("Push delivery %s to %s of %s was truncated (%d commits listed): %d more commits appended "
                    + "from the compare %s", delivery.deliveryId(), truncated.get().ref(),
                    truncated.get().repository().path("full_name").asText(), truncated.get().listed().size(), appended,
                    truncated.get().comparePath());
            registry.counter("orgpulse.github.pushes.completed").increment();
        } catch (RuntimeException e) {
            LOG.errorf("Push delivery %s is truncated and could not be completed: %s", delivery.deliveryId(),
                    e.getMessage());
            registry.counter("orgpulse.github.pushes.incomplete").increment();
        }
    }

    private int complete(TruncatedPush push, String pushDeliveryId, String key) {
        GitHubApi api = github.forOrg(push.repository().path("owner").path("login").asText()).orElseThrow();
        int[] appended = { 0 };
        int[] page = { 0 };
        api.forEachPage(push.comparePath() + "?per_page=100", answer -> {
            List<JsonNode> missing = new ArrayList<>();
            answer.path("commits").forEach(commit -> {
                if (!push.listed().contains(commit.path("sha").asText())) {
                    missing.add(commit);
                }
            });
            page[0]++;
            if (!missing.isEmpty()) {
                BackfillRecord commits = WebhookShapes.commits(push.repository(), push.ref(), missing,
                        "push:" + pushDeliveryId + ":" + page[0]);
                commits.appendTo(log, key, appendTimeout);
                appended[0] += missing.size();
            }
            return true;
        });
        return appended[0];
    }
}
