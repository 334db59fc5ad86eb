package dev.orgpulse.ingest.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.MalformedRecordException;
import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.ingest.log.LogReaders;

/**
 * The delivery ids on the log since a moment: its recent tail read from every partition (found by record time),
 * up to the end it had when asked. The log is the only place that knows what was accepted, and a service with no
 * database reads it rather than keep a second record of it.
 */
public final class LogDeliveryIds {

    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

    private LogDeliveryIds() {
    }

    /** @param wanted which records count (by their headers), e.g. those of one source */
    public static Set<String> since(Map<String, Object> kafka, Instant from, Predicate<DeliveryMetadata> wanted) {
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, byte[]> reader = LogReaders.wholeTopic(kafka, "orgpulse-ingest-log-tail",
                Topics.EVENTS)) {
            Map<TopicPartition, Long> end = reader.endOffsets(reader.assignment());
            Map<TopicPartition, Long> times = new HashMap<>();
            reader.assignment().forEach(partition -> times.put(partition, from.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> starts = reader.offsetsForTimes(times);
            for (TopicPartition partition : reader.assignment()) {
                OffsetAndTimestamp start = starts.get(partition);
                reader.seek(partition, start == null ? end.get(partition) : start.offset());
            }
            while (reader.assignment().stream().anyMatch(partition -> reader.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(POLL_TIMEOUT)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        try {
                            DeliveryMetadata metadata = DeliveryMetadata.fromHeaders(record.headers());
                            if (wanted.test(metadata)) {
                                ids.add(metadata.deliveryId());
                            }
                        } catch (MalformedRecordException e) {
                            // not a delivery anyone can recover: the projector keeps it as a dead letter
                        }
                    }
                }
            }
        }
        return ids;
    }
}
