package dev.orgpulse.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

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
