package dev.orgpulse.eventlog;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

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

    /**
     * The settings of a producer of {@code String} keys and {@code byte[]} values whose records must not be lost or
     * written twice, in a new mutable map: every in-sync replica has a record before it counts as sent, and a retry
     * cannot write it again. Both are set explicitly because {@code acks=1} (a client default elsewhere) silently
     * turns idempotence off.
     *
     * @param clientId the client id, unless the shared settings name one
     */
    public static Map<String, Object> durableProducer(Map<String, Object> shared, String clientId) {
        Map<String, Object> settings = producer(shared);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return settings;
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
