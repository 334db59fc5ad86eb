package dev.orgpulse.projector.stream;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;

import dev.orgpulse.eventlog.KafkaClientSettings;
import dev.orgpulse.eventlog.Topics;
import io.smallrye.common.annotation.Identifier;

/**
 * How the fold's consumers read {@code orgpulse-events}, live and rebuilding alike: the {@code kafka.*} settings, then
 * any Kafka consumer setting under {@code mp.messaging.incoming.events.} (environment
 * {@code MP_MESSAGING_INCOMING_EVENTS_*}, the names operators used while SmallRye consumed the channel).
 */
@ApplicationScoped
public class EventLogSettings {

    static final String PREFIX = "mp.messaging.incoming.events.";

    private final Map<String, Object> consumer;
    private final String topic;

    public EventLogSettings(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, Config config) {
        consumer = KafkaClientSettings.consumer(kafkaConfig);
        for (String name : ConsumerConfig.configNames()) {
            config.getOptionalValue(PREFIX + name, String.class).ifPresent(value -> consumer.put(name, value));
        }
        // the database is the truth: offsets are never committed to Kafka, consumers seek to the checkpoints
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        topic = config.getOptionalValue(PREFIX + "topic", String.class).orElse(Topics.EVENTS);
    }

    public String topic() {
        return topic;
    }

    /** Records per poll, the most one batch holds. */
    public int maxPollRecords() {
        return Integer.parseInt(String.valueOf(consumer.getOrDefault(ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                ConsumerConfig.DEFAULT_MAX_POLL_RECORDS)));
    }

    /** The consumer settings for a consumer of the given group. */
    public Map<String, Object> consumerConfig(String groupId) {
        Map<String, Object> config = new HashMap<>(consumer);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        return config;
    }
}
