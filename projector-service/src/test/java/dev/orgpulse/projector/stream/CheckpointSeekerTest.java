package dev.orgpulse.projector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.Topics;

class CheckpointSeekerTest {

    private final TopicPartition folded = new TopicPartition(Topics.EVENTS, 0);
    private final TopicPartition neverFolded = new TopicPartition(Topics.EVENTS, 1);

    @Test
    void assignedPartitionsResumeAtTheirCheckpointOrAtTheBeginning() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("latest");
        consumer.assign(List.of(folded, neverFolded));
        consumer.updateBeginningOffsets(Map.of(folded, 0L, neverFolded, 3L));
        consumer.updateEndOffsets(Map.of(folded, 100L, neverFolded, 100L));

        CheckpointSeeker.seek(consumer, List.of(folded, neverFolded), Map.of(0, 42L, 5, 7L));

        assertEquals(42L, consumer.position(folded));
        assertEquals(3L, consumer.position(neverFolded));
    }
}
