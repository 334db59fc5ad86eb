package dev.orgpulse.ingest.log;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.ingest.config.IngestConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;

/**
 * Appends deliveries to {@link Topics#EVENTS} in Kafka transactions ({@link GroupCommitter}), so that a sender told
 * the delivery is not on the log can rely on it: the log's readers read committed records only.
 * <p>
 * Plain producers rather than a messaging channel: the transactions and what each sender is told depend on the
 * producers' answers, with no emitter buffer in between that a dead broker could fill.
 */
@Startup
@ApplicationScoped
public class LogAppender {

    /**
     * Transactions in flight at once. One: it takes every record that arrived while the one before ran, about 30 at 64
     * senders where two in flight took about 15 each, and the broker's work per transaction (adding its partitions,
     * the commit, a marker on each partition) hardly depends on its size.
     */
    static final int TRANSACTIONS_IN_FLIGHT = 1;
    /**
     * Producers taking turns (the one that rested longest runs the next transaction): a producer's transaction must
     * wait until the broker has written its previous one's markers, which two producers give the time of the other's.
     */
    static final int PRODUCERS = 2;
    /** The most records one transaction takes, so that one commit does not hold too many senders. */
    static final int MAX_RECORDS_PER_TRANSACTION = 512;

    private final GroupCommitter committer;

    public LogAppender(@Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig config,
            @ConfigProperty(name = "quarkus.http.port") int httpPort) {
        Duration ackTimeout = config.ingest().ackTimeout();
        long maxBodyBytes = config.ingest().maxBodySize().asLongValue();
        String instance = config.ingest().instanceId().orElseGet(() -> hostName() + "-" + httpPort);
        this.committer = new GroupCommitter(
                index -> new KafkaProducer<>(ProducerSettings.forTransactions(kafka, ackTimeout, maxBodyBytes,
                        "orgpulse-ingest-" + instance + "-" + index)),
                TRANSACTIONS_IN_FLIGHT, PRODUCERS, MAX_RECORDS_PER_TRANSACTION, ackTimeout, "orgpulse-log-appender");
    }

    /**
     * @return where the record was appended, once its transaction committed; fails when it is certainly not on the log
     *         (a {@link org.apache.kafka.common.errors.RecordTooLargeException} if it is too large, a timeout when its
     *         transaction did not ask to commit within the ack timeout), or with a {@link LogOutcomeUnknownException}
     *         when that is not known. A plain stage, not a {@code Uni}: on the webhook's path each Mutiny operator
     *         captured the request's context again, which cost more than the rest of the append.
     */
    public CompletionStage<RecordMetadata> append(String key, byte[] value, DeliveryMetadata metadata) {
        return committer.append(new ProducerRecord<>(Topics.EVENTS, null, key, value, metadata.toHeaders())).outcome();
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @PreDestroy
    void close() {
        committer.close();
    }
}
