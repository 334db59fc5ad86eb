package dev.orgpulse.projector.support;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.GitHubPayloads;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.eventlog.Topics;

/** Appends records to {@code orgpulse-events} the way the ingest service does: contract headers, raw body. */
public final class LogProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public LogProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** A GitHub delivery, keyed by its repository as ingest keys it. */
    public RecordMetadata github(String eventType, String deliveryId, JsonNode payload) {
        return fromGitHub(Sources.GITHUB, eventType, deliveryId, payload);
    }

    /** What a backfill appends: a webhook-shaped payload learned from GitHub's API, keyed as the webhook is. */
    public RecordMetadata backfilled(String eventType, String deliveryId, JsonNode payload) {
        return fromGitHub(Sources.GITHUB_BACKFILL, eventType, deliveryId, payload);
    }

    private RecordMetadata fromGitHub(String source, String eventType, String deliveryId, JsonNode payload) {
        DeliveryMetadata delivery = DeliveryMetadata.accepted(source, eventType, deliveryId, Instant.now(),
                "application/json", "secret-1");
        return send(GitHubPayloads.recordKey(payload), delivery.toHeaders(), Payloads.bytes(payload));
    }

    /** Any record, readable or not. */
    public RecordMetadata send(String key, Headers headers, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(Topics.EVENTS, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the record", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
