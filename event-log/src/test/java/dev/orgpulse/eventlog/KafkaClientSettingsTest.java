package dev.orgpulse.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

    /** Quarkus's kafka.* configuration: connection settings every client shares, and some only one kind knows. */
    private final Map<String, Object> shared = Map.of(
            "bootstrap.servers", "broker:9092",
            "security.protocol", "SSL",
            "acks", "all",
            "isolation.level", "read_committed",
            "group.id", "orgpulse-ingest",
            "health.enabled", "true");

    @Test
    void aProducerKeepsTheConnectionAndItsOwnSettings() {
        assertEquals(Map.of("bootstrap.servers", "broker:9092", "security.protocol", "SSL", "acks", "all"),
                KafkaClientSettings.producer(shared));
    }

    @Test
    void aDurableProducerWaitsForEveryReplicaAndNeverWritesARecordTwiceWhateverIsShared() {
        ProducerConfig config = new ProducerConfig(KafkaClientSettings.durableProducer(
                Map.of("bootstrap.servers", "broker:9092", "acks", "1", "enable.idempotence", "false"),
                "orgpulse-test"));

        assertEquals("-1", config.getString(ProducerConfig.ACKS_CONFIG));
        assertTrue(config.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("orgpulse-test", config.getString(ProducerConfig.CLIENT_ID_CONFIG));
        assertEquals(List.of("broker:9092"), config.getList(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    @Test
    void aDurableProducerKeepsAClientIdOfTheSharedSettings() {
        assertEquals("orgpulse-ingest-eu", KafkaClientSettings.durableProducer(
                Map.of("bootstrap.servers", "broker:9092", "client.id", "orgpulse-ingest-eu"), "orgpulse-ingest")
                .get("client.id"));
    }

    @Test
    void aConsumerKeepsTheConnectionAndItsOwnSettings() {
        assertEquals(Map.of("bootstrap.servers", "broker:9092", "security.protocol", "SSL",
                "isolation.level", "read_committed", "group.id", "orgpulse-ingest"), KafkaClientSettings.consumer(shared));
    }

    @Test
    void anAdminClientKeepsTheConnection() {
        assertEquals(Map.of("bootstrap.servers", "broker:9092", "security.protocol", "SSL"),
                KafkaClientSettings.admin(shared));
    }

    @Test
    void theCopyIsTheCallersToChange() {
        Map<String, Object> settings = KafkaClientSettings.consumer(shared);
        settings.remove("group.id");
        settings.put("client.id", "orgpulse-test");

        assertEquals("orgpulse-ingest", shared.get("group.id"));
        assertEquals("orgpulse-test", settings.get("client.id"));
    }
}
