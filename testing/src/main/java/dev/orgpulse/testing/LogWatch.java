package dev.orgpulse.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.Topics;

/** Watches the log from a point on: what was appended since, read back with a plain consumer. */
public final class LogWatch {

    private static final Duration READ_LIMIT = Duration.ofSeconds(10);

    private final KafkaBrokerResource broker;
    private final Map<TopicPartition, Long> start;

    private LogWatch(KafkaBrokerResource broker) {
        this.broker = broker;
        this.start = broker.endOffsets(Topics.EVENTS);
    }

    public static LogWatch from(KafkaBrokerResource broker) {
        return new LogWatch(broker);
    }

    public void assertNothingAppended() {
        assertEquals(start, broker.endOffsets(Topics.EVENTS), "the log must not have grown");
    }

    /** Every record appended since the watch started (acknowledged records only: the end offsets are read first). */
    public List<ConsumerRecord<String, byte[]>> appended() {
        Map<TopicPartition, Long> end = broker.endOffsets(Topics.EVENTS);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.assign(end.keySet());
            start.forEach(consumer::seek);
            Instant deadline = Instant.now().plus(READ_LIMIT);
            while (!reached(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read the log up to " + end + " within " + READ_LIMIT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The records appended since the watch started that carry this delivery id. */
    public List<ConsumerRecord<String, byte[]>> appended(String deliveryId) {
        return appended().stream()
                .filter(record -> deliveryId.equals(DeliveryMetadata.fromHeaders(record.headers()).deliveryId()))
                .toList();
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // as every reader of the log: the records of a transaction that did not commit are not on it
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
