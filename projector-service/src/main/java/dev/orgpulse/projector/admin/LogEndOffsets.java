package dev.orgpulse.projector.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import dev.orgpulse.eventlog.KafkaClientSettings;
import io.smallrye.common.annotation.Identifier;

/** The end offset of each partition of a topic, asked of the brokers with a Kafka admin client. Blocking. */
@ApplicationScoped
public class LogEndOffsets {

    private static final long TIMEOUT_SECONDS = 5;

    private final Map<String, Object> adminConfig;
    private Admin admin;

    public LogEndOffsets(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.adminConfig = KafkaClientSettings.admin(kafkaConfig);
    }

    /** @throws IllegalStateException when the brokers do not answer in time */
    public Map<Integer, Long> endOffsets(String topic) {
        try {
            int partitions = admin().describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            return admin().listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(entry -> entry.getKey().partition(), entry -> entry.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end offsets of " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the end offsets of " + topic + ": " + e, e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
