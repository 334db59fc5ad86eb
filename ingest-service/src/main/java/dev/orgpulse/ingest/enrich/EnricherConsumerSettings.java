package dev.orgpulse.ingest.enrich;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import dev.orgpulse.ingest.log.LogReaders;

/** The settings of the consumer that reads the log for the Meet enricher. */
final class EnricherConsumerSettings {

    /** Few records per poll: one slow lookup after another must not outlast the poll interval. */
    static final int MAX_POLL_RECORDS = 10;
    private static final Duration KAFKA_DEFAULT_POLL_INTERVAL = Duration.ofMinutes(5);

    private EnricherConsumerSettings() {
    }

    /**
     * @param shared Quarkus's {@code kafka.*} configuration (bootstrap servers, security); only what a consumer
     *        understands is kept
     * @param longestRecord the longest one record can take: its lookup with every retry, then the append
     */
    static Map<String, Object> forLog(Map<String, Object> shared, String groupId, Duration longestRecord) {
        // Offsets are committed by the enricher once a record's answer is on the log (or the record needs none);
        // a group that starts fresh enriches the whole log, so participants met before it was switched on count too.
        Map<String, Object> settings = LogReaders.settings(shared, groupId);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);

        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(MAX_POLL_RECORDS));
        Duration wholeBatch = longestRecord.multipliedBy(MAX_POLL_RECORDS);
        Duration pollInterval = wholeBatch.compareTo(KAFKA_DEFAULT_POLL_INTERVAL) > 0 ? wholeBatch
                : KAFKA_DEFAULT_POLL_INTERVAL;
        settings.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, String.valueOf(pollInterval.toMillis()));
        return settings;
    }
}
