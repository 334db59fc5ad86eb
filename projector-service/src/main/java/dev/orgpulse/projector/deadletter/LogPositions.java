package dev.orgpulse.projector.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.orgpulse.eventlog.KafkaClientSettings;
import dev.orgpulse.projector.fold.LogRecord;
import io.smallrye.common.annotation.Identifier;

/**
 * Reads one record back from the log at its position (the log is kept forever), with a consumer of its own that
 * joins no group and commits nothing. Blocking.
 */
@ApplicationScoped
public class LogPositions {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> consumerConfig;

    public LogPositions(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.consumerConfig = KafkaClientSettings.consumer(kafkaConfig);
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "orgpulse-projector-dead-letters");
    }

    /** @throws IllegalStateException when the record is not on the log (any more) or the brokers do not answer */
    LogRecord read(String topic, int partition, long offset) {
        TopicPartition position = new TopicPartition(topic, partition);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(position));
            consumer.seek(position, offset);
            Instant deadline = Instant.now().plus(PATIENCE);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() == offset) {
                        return new LogRecord(record.topic(), record.partition(), record.offset(), record.headers(),
                                record.value());
                    }
                    if (record.offset() > offset) {
                        throw new IllegalStateException(topic + "-" + partition + "@" + offset
                                + " is not on the log: the next record there is at " + record.offset());
                    }
                }
            }
            throw new IllegalStateException("could not read " + topic + "-" + partition + "@" + offset + " within "
                    + PATIENCE);
        }
    }
}
