package dev.orgpulse.query.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.orgpulse.eventlog.ChangeNotice;
import dev.orgpulse.eventlog.FeedItem;
import dev.orgpulse.eventlog.ReadModel;
import dev.orgpulse.eventlog.Topics;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/** Publishes change notices on the real broker, as a projector does. */
public final class ChangeNotices {

    private ChangeNotices() {
    }

    /**
     * Waits until the service's notice consumer has its partition and has fixed its starting position: it reads
     * from the end, so a notice published earlier would never reach it.
     */
    public static void awaitListening(KafkaClientService kafka) {
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.getConsumer("changes")
                .runOnPollingThread((Consumer<Object, Object> consumer) -> {
                    Set<TopicPartition> assigned = consumer.assignment();
                    assigned.forEach(consumer::position);
                    return !assigned.isEmpty();
                })
                .await().atMost(Duration.ofSeconds(10)));
    }

    public static void publish(Set<ReadModel> changed, List<FeedItem> feed) {
        publish("v1", changed, feed);
    }

    /** A notice of a batch folded into read-model version {@code version}. */
    public static void publish(String version, Set<ReadModel> changed, List<FeedItem> feed) {
        ChangeNotice notice = new ChangeNotice(version, changed, Map.of(0, 1L), feed, Instant.now());
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.CHANGES, version, notice.toJson())).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("change notice not published", e);
        }
    }
}
