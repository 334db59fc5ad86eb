package dev.orgpulse.ingest.delivery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import dev.orgpulse.eventlog.DeliveryMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one place that logs and counts what became of each delivery, so no accepted or rejected delivery goes
 * unrecorded: {@code orgpulse_ingest_accepted_total{source,event}} and
 * {@code orgpulse_ingest_rejected_total{source,reason}}.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);

    /** Delivery ids are logged before they are authenticated: anything unusual must not forge log lines. */
    private static final Pattern PRINTABLE_ID = Pattern.compile("[A-Za-z0-9._:/@+_-]{1,256}");
    /** Rejection details may quote what the sender sent (a token's key id, say): one line each, whatever it holds. */
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");

    private final MeterRegistry registry;
    /**
     * The accepted counter of each source and event type: looking a counter up in the registry builds its id and tags
     * anew, which cost more than the rest of the count on every accepted delivery. Bounded by the event types the
     * signed senders use.
     */
    private final Map<List<String>, Counter> acceptedCounters = new ConcurrentHashMap<>();

    public DeliveryOutcomes(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(DeliveryMetadata metadata, RecordMetadata position) {
        acceptedCounters.computeIfAbsent(List.of(metadata.source(), metadata.eventType()),
                kind -> registry.counter("orgpulse.ingest.accepted", "source", kind.get(0), "event", kind.get(1)))
                .increment();
        if (LOG.isInfoEnabled()) {
            // put together here: a printf format, applied by the log manager for every accepted delivery, cost more
            LOG.info(metadata.source() + " delivery " + printable(metadata.deliveryId()) + " ("
                    + printable(metadata.eventType()) + ") appended to " + position.topic() + "-" + position.partition()
                    + "@" + position.offset() + ", verified by " + metadata.verifiedBy());
        }
    }

    public void rejected(DeliveryRejectedException rejected) {
        Rejection rejection = rejected.rejection();
        registry.counter("orgpulse.ingest.rejected", "source", rejected.source(), "reason", rejection.reason())
                .increment();
        String message = "%s delivery %s rejected with %d %s: %s";
        Object[] arguments = { rejected.source(), printable(rejected.deliveryId()), rejection.status(),
                rejection.reason(), CONTROL_CHARACTERS.matcher(String.valueOf(rejected.detail())).replaceAll("?") };
        if (rejection.isServiceFault()) {
            LOG.errorf(rejected.getCause(), message, arguments);
        } else {
            LOG.warnf(message, arguments);
        }
    }

    /** @return the value when it is a plain identifier, a placeholder otherwise */
    public static String printable(String value) {
        if (value == null) {
            return "unknown";
        }
        return PRINTABLE_ID.matcher(value).matches() ? value : "<unprintable>";
    }
}
