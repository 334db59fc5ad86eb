package dev.orgpulse.ingest.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(6);
    private static final long MAX_BODY = 25L * 1024 * 1024;

    private final Map<String, Object> shared = Map.of(
            "bootstrap.servers", "broker:9092",
            "acks", "1",
            "enable.idempotence", "false",
            "group.id", "orgpulse-ingest",
            "default.api.timeout.ms", "5000");

    @Test
    void durabilityCannotBeConfiguredAway() {
        ProducerConfig config = new ProducerConfig(ProducerSettings.forLog(shared, ACK_TIMEOUT, MAX_BODY));

        assertEquals("-1", config.getString(ProducerConfig.ACKS_CONFIG));
        assertTrue(config.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
    }

    @Test
    void keepsTheSharedConnectionSettingsAProducerUnderstands() {
        Map<String, Object> settings = ProducerSettings.forLog(shared, ACK_TIMEOUT, MAX_BODY);

        assertEquals("broker:9092", settings.get("bootstrap.servers"));
        assertFalse(settings.containsKey("group.id"));
        assertFalse(settings.containsKey("default.api.timeout.ms"));
    }

    @Test
    void settlesEveryRecordWithinTheAckTimeout() {
        ProducerConfig config = new ProducerConfig(ProducerSettings.forLog(shared, ACK_TIMEOUT, MAX_BODY));

        long settledWithin = config.getLong(ProducerConfig.MAX_BLOCK_MS_CONFIG)
                + config.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        assertTrue(settledWithin <= ACK_TIMEOUT.toMillis(), settledWithin + " ms");
    }

    @Test
    void takesARecordOfTheLargestAcceptedBody() {
        ProducerConfig config = new ProducerConfig(ProducerSettings.forLog(shared, ACK_TIMEOUT, MAX_BODY));

        assertTrue(config.getInt(ProducerConfig.MAX_REQUEST_SIZE_CONFIG) > MAX_BODY);
        assertTrue(config.getLong(ProducerConfig.BUFFER_MEMORY_CONFIG) >= config.getInt(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
    }

    @Test
    void aTransactionalProducerIsNamedAndItsOpenTransactionsEndSoonAfterTheAckTimeout() {
        ProducerConfig config = new ProducerConfig(
                ProducerSettings.forTransactions(shared, ACK_TIMEOUT, MAX_BODY, "orgpulse-ingest-host-8081-1"));

        assertEquals("orgpulse-ingest-host-8081-1", config.getString(ProducerConfig.TRANSACTIONAL_ID_CONFIG));
        int transactionTimeout = config.getInt(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
        assertTrue(transactionTimeout > ACK_TIMEOUT.toMillis(), transactionTimeout + " ms");
        assertTrue(transactionTimeout <= ACK_TIMEOUT.toMillis() + 5_000, transactionTimeout + " ms");
        assertEquals("-1", config.getString(ProducerConfig.ACKS_CONFIG));
    }

    @Test
    void aTransactionalProducerHoldsItsRecordsForTheFlushAndStillSettlesThemWithinTheAckTimeout() {
        ProducerConfig config = new ProducerConfig(
                ProducerSettings.forTransactions(shared, ACK_TIMEOUT, MAX_BODY, "orgpulse-ingest-host-8081-1"));

        long linger = config.getLong(ProducerConfig.LINGER_MS_CONFIG);
        assertTrue(linger > 0);
        // KafkaProducer's own check: it refuses to start otherwise
        assertTrue(config.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)
                >= linger + config.getInt(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
        long settledWithin = config.getLong(ProducerConfig.MAX_BLOCK_MS_CONFIG)
                + config.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        assertTrue(settledWithin <= ACK_TIMEOUT.toMillis(), settledWithin + " ms");
    }
}
