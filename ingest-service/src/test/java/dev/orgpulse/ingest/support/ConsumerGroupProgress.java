package dev.orgpulse.ingest.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.testing.KafkaBrokerResource;

/** How far a consumer group of the service under test has committed its way through the log. */
public final class ConsumerGroupProgress {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private ConsumerGroupProgress() {
    }

    /**
     * Waits until the group has committed every record on the log: whatever it does with a record is done, and
     * so is whatever that appended (the append precedes the commit, and the appended record must be committed too).
     */
    public static void awaitCaughtUp(KafkaBrokerResource broker, String groupId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> caughtUp(broker, groupId));
    }

    public static boolean exists(KafkaBrokerResource broker, String groupId) {
        try (Admin admin = broker.admin()) {
            return admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .anyMatch(group -> group.groupId().equals(groupId));
        } catch (Exception e) {
            throw new IllegalStateException("could not list the consumer groups", e);
        }
    }

    private static boolean caughtUp(KafkaBrokerResource broker, String groupId) throws Exception {
        // committed offsets first: if they then equal the end offsets, nothing was left to do at that moment
        Map<TopicPartition, OffsetAndMetadata> committed;
        try (Admin admin = broker.admin()) {
            committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
        }
        return broker.endOffsets(Topics.EVENTS).entrySet().stream().allMatch(end -> {
            OffsetAndMetadata position = committed.get(end.getKey());
            return (position == null ? 0 : position.offset()) >= end.getValue();
        });
    }
}
