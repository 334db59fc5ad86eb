package dev.orgpulse.projector.fold;

import java.nio.ByteBuffer;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;

/**
 * One record of the log as the fold sees it: where it sits, its contract headers and the raw body.
 *
 * @param value the body where the consumer fetched it (read, never moved): a 7 KB body is not copied out of the fetch
 *              before it is parsed; {@code null} when the record has none
 */
public record LogRecord(String topic, int partition, long offset, Headers headers, ByteBuffer value) {

    /** A record whose body is in an array of its own. */
    public LogRecord(String topic, int partition, long offset, Headers headers, byte[] value) {
        this(topic, partition, offset, headers, value == null ? null : ByteBuffer.wrap(value));
    }

    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
