package dev.orgpulse.eventlog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What the log knows about a delivery besides its body: the record headers of the contract.
 *
 * @param verifiedBy which secret or key accepted the delivery, by a non-secret label (never the secret)
 */
public record DeliveryMetadata(
        String source,
        String eventType,
        String deliveryId,
        Instant receivedAt,
        String contentType,
        String verifiedBy,
        String contractVersion) {

    public DeliveryMetadata {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(contractVersion, "contractVersion");
    }

    /** Metadata of a delivery accepted now, under the current contract version. */
    public static DeliveryMetadata accepted(String source, String eventType, String deliveryId, Instant receivedAt,
            String contentType, String verifiedBy) {
        return new DeliveryMetadata(source, eventType, deliveryId, receivedAt, contentType, verifiedBy,
                LogHeaders.CURRENT_CONTRACT_VERSION);
    }

    public Headers toHeaders() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, LogHeaders.SOURCE, source);
        add(headers, LogHeaders.EVENT_TYPE, eventType);
        add(headers, LogHeaders.DELIVERY_ID, deliveryId);
        add(headers, LogHeaders.RECEIVED_AT, receivedAt.toString());
        add(headers, LogHeaders.CONTENT_TYPE, contentType);
        add(headers, LogHeaders.VERIFIED_BY, verifiedBy);
        add(headers, LogHeaders.CONTRACT_VERSION, contractVersion);
        return headers;
    }

    /**
     * Reads the contract headers of a record.
     *
     * @throws MalformedRecordException when a required header is missing or unreadable
     */
    public static DeliveryMetadata fromHeaders(Headers headers) {
        try {
            return new DeliveryMetadata(
                    required(headers, LogHeaders.SOURCE),
                    required(headers, LogHeaders.EVENT_TYPE),
                    required(headers, LogHeaders.DELIVERY_ID),
                    IsoTimestamps.parse(required(headers, LogHeaders.RECEIVED_AT)),
                    optional(headers, LogHeaders.CONTENT_TYPE),
                    optional(headers, LogHeaders.VERIFIED_BY),
                    required(headers, LogHeaders.CONTRACT_VERSION));
        } catch (java.time.format.DateTimeParseException e) {
            throw new MalformedRecordException("header " + LogHeaders.RECEIVED_AT + " is not an ISO-8601 instant", e);
        }
    }

    private static void add(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String required(Headers headers, String name) {
        String value = optional(headers, name);
        if (value == null) {
            throw new MalformedRecordException("record has no " + name + " header");
        }
        return value;
    }

    private static String optional(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
