package dev.orgpulse.ingest.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class EnricherConsumerSettingsTest {

    private static final String GROUP = "orgpulse-meet-enricher";

    private final Map<String, Object> shared = Map.of(
            "bootstrap.servers", "broker:9092",
            "group.id", "someone-else",
            "enable.auto.commit", "true",
            "acks", "all");

    @Test
    void readsTheWholeLogInItsOwnGroupAndCommitsItself() {
        ConsumerConfig config = new ConsumerConfig(EnricherConsumerSettings.forLog(shared, GROUP, Duration.ofSeconds(1)));

        assertEquals(GROUP, config.getString(ConsumerConfig.GROUP_ID_CONFIG));
        assertEquals("earliest", config.getString(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG));
        assertFalse(config.getBoolean(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
        assertEquals("read_committed", config.getString(ConsumerConfig.ISOLATION_LEVEL_CONFIG));
    }

    @Test
    void keepsTheSharedConnectionSettingsAConsumerUnderstands() {
        Map<String, Object> settings = EnricherConsumerSettings.forLog(shared, GROUP, Duration.ofSeconds(1));

        assertEquals("broker:9092", settings.get("bootstrap.servers"));
        assertFalse(settings.containsKey("acks"));
    }

    @Test
    void givesAPollsRecordsTimeForTheirSlowestLookups() {
        Duration longestRecord = Duration.ofMinutes(2);
        ConsumerConfig config = new ConsumerConfig(EnricherConsumerSettings.forLog(shared, GROUP, longestRecord));

        long batch = config.getInt(ConsumerConfig.MAX_POLL_RECORDS_CONFIG) * longestRecord.toMillis();
        assertTrue(config.getInt(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG) >= batch,
                config.getInt(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG) + " ms");
    }

    @Test
    void neverShortensKafkasPollInterval() {
        ConsumerConfig config = new ConsumerConfig(EnricherConsumerSettings.forLog(shared, GROUP, Duration.ofMillis(10)));

        assertEquals(300_000, config.getInt(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG));
    }
}
