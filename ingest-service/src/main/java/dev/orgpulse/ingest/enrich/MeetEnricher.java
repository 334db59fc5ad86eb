package dev.orgpulse.ingest.enrich;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import dev.orgpulse.eventlog.ReadPositions;
import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.ingest.config.IngestConfig;
import dev.orgpulse.ingest.delivery.LogIntake;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * The Meet enricher: reads the log in its own consumer group and has every Meet participant event's participant
 * resolved ({@link ParticipantEnrichment}), so that the answer is on the log before any fold needs it.
 * <p>
 * A plain consumer on a thread of its own, rather than a messaging channel: it only runs when credentials are
 * configured (a group that consumed without them would have committed past participants it never looked up), and
 * it commits a record's offset only once that record is settled, so a restart re-reads at most one poll's records.
 */
@ApplicationScoped
public class MeetEnricher {

    static final String GROUP_ID = "orgpulse-meet-enricher";

    private static final Logger LOG = Logger.getLogger(MeetEnricher.class);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final IngestConfig.Meet config;
    private final Duration ackTimeout;
    private final Map<String, Object> kafka;
    private final LogIntake log;
    private final MeterRegistry registry;

    private volatile boolean running;
    /** Used by the loop thread alone, but for {@link KafkaConsumer#wakeup()} when the service stops. */
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread loop;

    public MeetEnricher(IngestConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            LogIntake log, MeterRegistry registry) {
        this.config = config.meet();
        this.ackTimeout = config.ingest().ackTimeout();
        this.kafka = kafka;
        this.log = log;
        this.registry = registry;
    }

    void start(@Observes StartupEvent started) {
        if (!config.enricher().enabled()) {
            LOG.info("Meet enricher switched off (ORGPULSE_MEET_ENRICHER_ENABLED=false): "
                    + "participants will be shown by resource id");
            return;
        }
        Optional<String> credentialsFile = config.credentialsFile().filter(file -> !file.isBlank());
        Optional<String> subject = config.subject().filter(user -> !user.isBlank());
        if (credentialsFile.isEmpty() || subject.isEmpty()) {
            LOG.warn("Meet enricher off: no Meet credentials configured (ORGPULSE_MEET_CREDENTIALS_FILE and "
                    + "ORGPULSE_MEET_SUBJECT); participants will be shown by resource id");
            return;
        }
        ServiceAccountKey key;
        LookupRetry retry;
        ParticipantEnrichment enrichment;
        try {
            key = ServiceAccountKey.read(Path.of(credentialsFile.get()));
            IngestConfig.Meet.Enricher settings = config.enricher();
            retry = new LookupRetry(settings.maxAttempts(), settings.initialBackoff(), settings.maxBackoff(),
                    settings.requestTimeout());
            GoogleHttp http = new GoogleHttp(retry.requestTimeout());
            MeetParticipants participants = new MeetParticipants(config.apiUrl(),
                    new GoogleAccessTokens(key, subject.get(), http, Clock.systemUTC()), http);
            enrichment = new ParticipantEnrichment(participants, retry,
                    new ResolvedParticipants(settings.cacheSize()), log, registry);
        } catch (IllegalArgumentException e) {
            LOG.errorf("Meet enricher off, it is misconfigured: %s; participants will be shown by resource id",
                    e.getMessage());
            return;
        }

        KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(
                EnricherConsumerSettings.forLog(kafka, GROUP_ID, retry.longest().plus(ackTimeout)));
        consumer = reader;
        running = true;
        loop = new Thread(() -> run(reader, enrichment), GROUP_ID);
        // a lookup still waiting for Google must not hold the process up beyond the grace period
        loop.setDaemon(true);
        loop.start();
        LOG.infof("Meet enricher on (consumer group %s): participants are looked up at %s as %s on behalf of %s",
                GROUP_ID, config.apiUrl(), key.clientEmail(), subject.get());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (loop == null) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            loop.join(SHUTDOWN_GRACE.toMillis());
            if (loop.isAlive()) {
                LOG.warnf("Meet enricher still busy after %s; interrupted, its unsettled records are read again "
                        + "after the restart", SHUTDOWN_GRACE);
                loop.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(KafkaConsumer<String, byte[]> reader, ParticipantEnrichment enrichment) {
        try (reader) {
            reader.subscribe(List.of(Topics.EVENTS));
            ReadPositions committed = new ReadPositions();
            while (running) {
                settle(reader, reader.poll(POLL_TIMEOUT), enrichment, committed);
            }
        } catch (WakeupException e) {
            // stop() ends the loop this way while it waits for records
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("Meet enricher stopped; participants met from now on stay shown by resource id until "
                        + "the service restarts", e);
            }
        }
    }

    /**
     * Works through one poll's records, then commits the positions that moved: a record not settled (its append
     * failed, or the enricher is stopping) is sought back to, so that it is read again and a position is past settled
     * records only (and past the transaction markers among them, see {@link ReadPositions}).
     */
    private void settle(KafkaConsumer<String, byte[]> reader, ConsumerRecords<String, byte[]> records,
            ParticipantEnrichment enrichment, ReadPositions committed) {
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!running || enrichment.enrich(record) == ParticipantEnrichment.Outcome.APPEND_FAILED) {
                    reader.seek(partition, record.offset());
                    break;
                }
            }
        }
        Map<TopicPartition, Long> settled = committed.moved(reader);
        if (settled.isEmpty()) {
            return;
        }
        try {
            reader.commitSync(ReadPositions.asOffsets(settled));
            committed.recorded(settled);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // the partitions may have moved to another member: it reads these records again, which has no
            // second effect (a resolved participant's record carries the same delivery id)
            LOG.warnf("Meet enricher could not commit %s (%s); those records may be read again", settled, e);
        }
    }
}
