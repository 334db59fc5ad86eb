package dev.orgpulse.ingest.log;

import java.time.Duration;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.ingest.config.IngestConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Appends deliveries to {@link Topics#EVENTS} with one idempotent {@code acks=all} producer.
 * <p>
 * A plain producer rather than a messaging channel: each append is one {@code send} whose callback is the
 * broker's answer, with no emitter buffer or shared sending thread in between that a dead broker could fill
 * or stall for later requests.
 */
@Startup
@ApplicationScoped
public class LogAppender {

    private final Producer<String, byte[]> producer;
    private final Duration ackTimeout;

    public LogAppender(@Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig config) {
        this.ackTimeout = config.ingest().ackTimeout();
        this.producer = new KafkaProducer<>(
                ProducerSettings.forLog(kafka, ackTimeout, config.ingest().maxBodySize().asLongValue()));
    }

    /**
     * @return where the record was appended, once the broker acknowledged it; fails when the broker refused it
     *         (a {@link org.apache.kafka.common.errors.RecordTooLargeException} if it is too large) or did not
     *         answer within the ack timeout
     */
    public Uni<RecordMetadata> append(String key, byte[] value, DeliveryMetadata metadata) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.EVENTS, null, key, value,
                metadata.toHeaders());
        return Uni.createFrom().<RecordMetadata> emitter(emitter -> producer.send(record, (position, failure) -> {
            if (failure == null) {
                emitter.complete(position);
            } else {
                emitter.fail(failure);
            }
        }))
                // send() blocks (up to max.block.ms) while the broker is unreachable: never on an event loop
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(ackTimeout).fail();
    }

    @PreDestroy
    void close() {
        producer.close(ackTimeout);
    }
}
