package dev.orgpulse.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReadPositionsTest {

    private final TopicPartition partition = new TopicPartition(Topics.EVENTS, 0);
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final ReadPositions positions = new ReadPositions();

    ReadPositionsTest() {
        consumer.assign(List.of(partition));
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        consumer.seekToBeginning(List.of(partition));
    }

    @Test
    void aPositionIsMovedUntilRecordedAndAgainWhenTheConsumerPassesAMarker() {
        assertEquals(Map.of(partition, 0L), positions.moved(consumer));
        positions.recorded(Map.of(partition, 0L));
        assertEquals(Map.of(), positions.moved(consumer));

        consumer.addRecord(new ConsumerRecord<>(Topics.EVENTS, 0, 0, "key", new byte[0]));
        consumer.poll(Duration.ZERO);
        assertEquals(Map.of(partition, 1L), positions.moved(consumer));
        positions.recorded(Map.of(partition, 1L));

        // a commit marker at offset 1: the consumer passes it without returning a record
        consumer.seek(partition, 2);
        assertEquals(Map.of(partition, 2L), positions.moved(consumer));
    }
}
