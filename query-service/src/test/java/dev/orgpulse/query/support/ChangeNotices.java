package dev.orgpulse.query.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.orgpulse.eventlog.ChangeNotice;
import dev.orgpulse.eventlog.ReadModel;
import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.query.stream.ChangeNoticeConsumer;

/** Publishes change notices on the real broker, as a projector does. */
public final class ChangeNotices {

    private ChangeNotices() {
    }

    /**
     * Waits until the service's notice consumer has fixed its starting position: it reads from the end, so a notice
     * published earlier would never reach it.
     */
    public static void awaitListening(ChangeNoticeConsumer notices) {
        await().atMost(Duration.ofSeconds(30)).until(notices::listening);
    }

    /** A notice of a batch that added no feed item. */
    public static void publish(Set<ReadModel> changed) {
        publish(changed, Map.of());
    }

    /**
     * A notice of a batch that reached the given positions. Its feed items are left out: the query service reads
     * them from the database, up to the positions.
     *
     * @param reached next offset per partition of the log
     */
    public static void publish(Set<ReadModel> changed, Map<Integer, Long> reached) {
        publish("v1", changed, reached);
    }

    /** A notice of a batch folded into read-model version {@code version}. */
    public static void publish(String version, Set<ReadModel> changed, Map<Integer, Long> reached) {
        publish(new ChangeNotice(version, changed, reached, List.of(), Instant.now()));
    }

    /** A notice reaching past the given items' records. */
    public static void publishUpTo(Set<ReadModel> changed, List<ReadModelRows.LogPlace> items) {
        Map<Integer, Long> reached = new HashMap<>();
        items.forEach(place -> reached.merge(place.partition(), place.offset() + 1, Math::max));
        publish(changed, reached);
    }

    private static void publish(ChangeNotice notice) {
        try (Publisher publisher = new Publisher()) {
            publisher.publish(notice);
        }
    }

    /** Publishes notices one after the other on one connection to the broker, as a projector does in a burst. */
    public static final class Publisher implements AutoCloseable {

        private final KafkaProducer<String, byte[]> producer;

        public Publisher() {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        }

        /** A notice of a batch that added feed items up to the given positions (next offset per partition). */
        public void publish(Map<Integer, Long> reached) {
            publish(new ChangeNotice("v1", Set.of(ReadModel.FEED, ReadModel.STATS), reached, List.of(), Instant.now()));
        }

        private void publish(ChangeNotice notice) {
            try {
                producer.send(new ProducerRecord<>(Topics.CHANGES, notice.readModelVersion(), notice.toJson()))
                        .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("change notice not published", e);
            }
        }

        @Override
        public void close() {
            producer.close();
        }
    }
}
