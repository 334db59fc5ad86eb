package dev.orgpulse.ingest.log;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.orgpulse.eventlog.KafkaClientSettings;

/** Consumers the service's background work reads topics with (not in a consumer group unless it names one). */
public final class LogReaders {

    /** How every reader of the log reads it. */
    public static final String READ_COMMITTED = "read_committed";

    private LogReaders() {
    }

    /**
     * @param shared Quarkus's {@code kafka.*} configuration (bootstrap servers, security); only what a consumer
     *        understands is kept
     * @param clientId names the reader in the broker's logs
     */
    public static Map<String, Object> settings(Map<String, Object> shared, String clientId) {
        Map<String, Object> settings = KafkaClientSettings.consumer(shared);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // the log is written in transactions: a record of one that never committed is not on the log
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, READ_COMMITTED);
        return settings;
    }

    /** A reader of every partition of a topic, assigned (no group), positioned at the start. */
    public static KafkaConsumer<String, byte[]> wholeTopic(Map<String, Object> shared, String clientId, String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings(shared, clientId));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
