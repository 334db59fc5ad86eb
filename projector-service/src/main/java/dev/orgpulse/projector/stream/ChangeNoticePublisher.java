package dev.orgpulse.projector.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import dev.orgpulse.eventlog.ChangeNotice;
import dev.orgpulse.eventlog.KafkaClientSettings;
import dev.orgpulse.projector.config.ProjectorConfig;
import dev.orgpulse.projector.readmodel.BatchResult;
import io.smallrye.common.annotation.Identifier;

/**
 * Tells caches and live streams what a committed batch changed, on {@code orgpulse-changes}, keyed by the
 * read-model version. Fire and forget: the batch is already committed, and a lost notice only delays what
 * the query service's caches show until the next notice or their expiry.
 * <p>
 * A plain producer rather than a messaging channel: a notice that fails (the broker away) is one failed send, and the
 * next one goes out as soon as the broker is back. SmallRye's sink stopped taking notices after such a failure, so the
 * query nodes' caches stayed stale after a broker restart (FaultsIT, fault 4).
 */
@ApplicationScoped
public class ChangeNoticePublisher {

    private static final Logger LOG = Logger.getLogger(ChangeNoticePublisher.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    /** How long one send waits for the broker's metadata before the notice is given up. */
    private static final Duration MAX_BLOCK = Duration.ofSeconds(5);

    private final Producer<String, byte[]> producer;
    private final String topic;
    /**
     * Sends in order, off the caller's thread: {@code send} blocks up to {@code max.block.ms} while the broker is away,
     * and the callers are the fold's threads and the event loop.
     */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "orgpulse-change-notices");
        thread.setDaemon(true);
        return thread;
    });

    public ChangeNoticePublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            ProjectorConfig config) {
        Map<String, Object> settings = KafkaClientSettings.durableProducer(kafkaConfig, "orgpulse-projector-changes");
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(MAX_BLOCK.toMillis()));
        this.producer = new KafkaProducer<>(settings);
        this.topic = config.projector().changesTopic();
    }

    /** Publishes what a committed batch changed, if it changed anything a reader sees. */
    public void publishChanges(BatchResult result) {
        if (result.changedReadModels()) {
            publish(new ChangeNotice(result.readModelVersion(), result.changed(), result.positions(), result.feed(),
                    Instant.now()));
        }
    }

    public void publish(ChangeNotice notice) {
        sender.execute(() -> send(notice));
    }

    private void send(ChangeNotice notice) {
        try {
            producer.send(new ProducerRecord<>(topic, notice.readModelVersion(), notice.toJson()), (sent, failure) -> {
                if (failure == null) {
                    LOG.debugf("Published change notice %s up to %s", notice.changed(), notice.positions());
                } else {
                    notPublished(notice, failure);
                }
            });
        } catch (RuntimeException e) {
            // send() throws when the broker's metadata cannot be had within max.block.ms
            notPublished(notice, e);
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        producer.close(CLOSE_WAIT);
    }

    private static void notPublished(ChangeNotice notice, Throwable failure) {
        LOG.warnf("Change notice up to %s was not published (%s); the next notice or the caches' expiry brings "
                + "readers up to date", notice.positions(), failure.toString());
    }
}
