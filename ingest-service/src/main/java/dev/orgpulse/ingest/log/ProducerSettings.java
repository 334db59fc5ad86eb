package dev.orgpulse.ingest.log;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

import dev.orgpulse.eventlog.KafkaClientSettings;

/** The settings of the producer that appends deliveries to the log. */
public final class ProducerSettings {

    /** Room for the key, the contract headers and the batch framing around a body of the largest accepted size. */
    static final long RECORD_OVERHEAD_BYTES = 64 * 1024;
    private static final long KAFKA_DEFAULT_BUFFER_MEMORY = 32L * 1024 * 1024;
    /**
     * How much longer than the ack timeout a transaction may stay open before the broker aborts it. Until then an open
     * transaction of a replica that died hides the records committed after it on its partitions from every reader.
     */
    static final Duration TRANSACTION_TIMEOUT_MARGIN = Duration.ofSeconds(4);
    /**
     * How long a transaction's records may wait to be sent before the loop flushes them: longer than the loop takes to
     * hand them all over, so that the flush, not the linger, sends them.
     */
    static final Duration TRANSACTION_LINGER = Duration.ofMillis(20);
    /** A batch per partition and transaction: 32 records of 4 KB, the deliveries a transaction takes at 64 senders. */
    static final int TRANSACTION_BATCH_BYTES = 128 * 1024;

    private ProducerSettings() {
    }

    /**
     * @param shared Quarkus's {@code kafka.*} configuration (bootstrap servers, security), shared by every Kafka
     *        client of the application; only what a producer understands is kept
     * @param ackTimeout how long a delivery waits for its acknowledgement before the sender gets 503
     * @param maxBodyBytes the largest body the service accepts
     */
    public static Map<String, Object> forLog(Map<String, Object> shared, Duration ackTimeout, long maxBodyBytes) {
        // a 2xx promises the record is durable: every in-sync replica has it, and a retry cannot write it twice
        Map<String, Object> settings = KafkaClientSettings.durableProducer(shared, "orgpulse-ingest");

        // The producer settles every record (acknowledged or failed) within the ack timeout: a third to find
        // the partition leader, two thirds to deliver. So a 503 is not followed by the record landing anyway.
        long third = ackTimeout.toMillis() / 3;
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(third));
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(2 * third));
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(2 * third));
        // A delivery is one record waiting for its answer; holding it back to batch only delays the 202.
        settings.put(ProducerConfig.LINGER_MS_CONFIG, "0");

        long maxRequestBytes = maxBodyBytes + RECORD_OVERHEAD_BYTES;
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(maxRequestBytes));
        settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG,
                String.valueOf(Math.max(KAFKA_DEFAULT_BUFFER_MEMORY, 2 * maxRequestBytes)));
        return settings;
    }

    /**
     * The settings of one of the producers that append deliveries in transactions ({@link GroupCommitter}).
     *
     * @param transactionalId unique to the producer among the replicas, and the same across a replica's restarts
     */
    public static Map<String, Object> forTransactions(Map<String, Object> shared, Duration ackTimeout,
            long maxBodyBytes, String transactionalId) {
        Map<String, Object> settings = forLog(shared, ackTimeout, maxBodyBytes);
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        // The loop sends a transaction's records, then flushes them (GroupCommitter): held back until then, they leave
        // in one produce request, one batch per partition, instead of one request after another as they are added,
        // and each request costs the broker its transaction bookkeeping. The linger never delays them.
        settings.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(TRANSACTION_LINGER.toMillis()));
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(TRANSACTION_BATCH_BYTES));
        // the producer refuses a delivery timeout shorter than the linger and the request timeout together
        long deliveryTimeout = Long.parseLong((String) settings.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                String.valueOf(deliveryTimeout - TRANSACTION_LINGER.toMillis()));
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        // a transaction asks to commit within the ack timeout or is aborted by its producer; one whose producer died
        // is aborted by the broker soon after
        settings.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                String.valueOf(ackTimeout.plus(TRANSACTION_TIMEOUT_MARGIN).toMillis()));
        return settings;
    }
}
