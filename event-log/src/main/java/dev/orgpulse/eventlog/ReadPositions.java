package dev.orgpulse.eventlog;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * How far a reader of the log has got, by its consumer's positions. The ingest appends in transactions, and each
 * transaction leaves a marker that takes an offset but is never returned as a record: a reader that has read
 * everything stands at the end offsets only by its position, never by its last record's offset + 1, and its position
 * may move past a marker in a poll that returns no record at all. So readers that record how far they got (a
 * checkpoint, a committed offset) record positions, and look for moved ones after every poll.
 * <p>
 * Not thread-safe: used by the consumer's own thread.
 */
public final class ReadPositions {

    private final Map<TopicPartition, Long> recorded = new HashMap<>();

    /**
     * @return the positions of the consumer's assigned partitions that differ from those last {@linkplain #recorded
     *         recorded}; a partition whose position is not known yet (being looked up) is left for a later poll
     */
    public Map<TopicPartition, Long> moved(Consumer<?, ?> consumer) {
        Map<TopicPartition, Long> moved = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            long position;
            try {
                position = consumer.position(partition, Duration.ZERO);
            } catch (TimeoutException e) {
                continue;
            }
            Long before = recorded.get(partition);
            if (before == null || before != position) {
                moved.put(partition, position);
            }
        }
        return moved;
    }

    /** These positions are recorded now (written with a batch, committed). */
    public void recorded(Map<TopicPartition, Long> positions) {
        recorded.putAll(positions);
    }

    /** Positions as a consumer group commits them. */
    public static Map<TopicPartition, OffsetAndMetadata> asOffsets(Map<TopicPartition, Long> positions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        positions.forEach((partition, position) -> offsets.put(partition, new OffsetAndMetadata(position)));
        return offsets;
    }
}
