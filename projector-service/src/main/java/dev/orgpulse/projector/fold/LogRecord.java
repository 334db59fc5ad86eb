package dev.orgpulse.projector.fold;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;

/** One record of the log as the fold sees it: where it sits, its contract headers and the raw body. */
public record LogRecord(String topic, int partition, long offset, Headers headers, byte[] value) {

    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
