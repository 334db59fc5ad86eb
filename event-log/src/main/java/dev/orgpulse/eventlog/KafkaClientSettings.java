package dev.orgpulse.eventlog;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The part of Quarkus's {@code kafka.*} configuration (bootstrap servers, security, ...) that one kind of Kafka client
 * understands: the configuration is shared by every client of a service, producers, consumers and admin clients alike.
 * Each caller adds its own settings to the copy it gets.
 */
public final class KafkaClientSettings {

    private KafkaClientSettings() {
    }

    /** The settings a producer understands, in a new mutable map. */
    public static Map<String, Object> producer(Map<String, Object> shared) {
        return understood(shared, ProducerConfig.configNames());
    }

    /** The settings a consumer understands, in a new mutable map. */
    public static Map<String, Object> consumer(Map<String, Object> shared) {
        return understood(shared, ConsumerConfig.configNames());
    }

    /** The settings an admin client understands, in a new mutable map. */
    public static Map<String, Object> admin(Map<String, Object> shared) {
        return understood(shared, AdminClientConfig.configNames());
    }

    private static Map<String, Object> understood(Map<String, Object> shared, Set<String> names) {
        Map<String, Object> settings = new HashMap<>();
        shared.forEach((name, value) -> {
            if (names.contains(name)) {
                settings.put(name, value);
            }
        });
        return settings;
    }
}
