package dev.orgpulse.ingest.enrich;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.MalformedRecordException;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.ingest.delivery.DeliveryOutcomes;
import dev.orgpulse.ingest.delivery.DeliveryRejectedException;
import dev.orgpulse.ingest.delivery.LogIntake;
import dev.orgpulse.ingest.delivery.Rejection;
import dev.orgpulse.ingest.error.Causes;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * What the enricher does with one record of the log: for a participant event whose participant it has not
 * resolved yet, it asks the Meet API who that is and appends the answer to the log, under the event's key (so it
 * stays in order with its meeting) and with a delivery id derived from the participant (so a second lookup of the
 * same participant, after a restart say, has no second effect in the projector).
 */
final class ParticipantEnrichment {

    /** The {@code event-type} of an enrichment record: the Meet API's answer about one participant. */
    static final String RESOLVED = "google.workspace.meet.participant.v2.resolved";
    static final String DELIVERY_ID_PREFIX = Sources.MEET_API + ":";
    private static final String JSON = "application/json";

    private static final Logger LOG = Logger.getLogger(ParticipantEnrichment.class);

    enum Outcome {
        /** Nothing more to do for this record: the answer is on the log, or none is needed or to be had. */
        SETTLED,
        /** The answer could not be appended: the record must be read again. */
        APPEND_FAILED
    }

    private final MeetParticipants participants;
    private final LookupRetry retry;
    private final ResolvedParticipants resolved;
    private final LogIntake log;
    private final MeterRegistry registry;

    ParticipantEnrichment(MeetParticipants participants, LookupRetry retry, ResolvedParticipants resolved,
            LogIntake log, MeterRegistry registry) {
        this.participants = participants;
        this.retry = retry;
        this.resolved = resolved;
        this.log = log;
        this.registry = registry;
    }

    /** Blocks until the record is settled: the lookup's retries and the append are bounded in time. */
    Outcome enrich(ConsumerRecord<String, byte[]> record) {
        DeliveryMetadata event;
        try {
            event = DeliveryMetadata.fromHeaders(record.headers());
        } catch (MalformedRecordException e) {
            // not the enricher's to judge: the projector keeps it as a dead letter
            return Outcome.SETTLED;
        }
        if (!ParticipantEvents.isParticipantEvent(event)) {
            return Outcome.SETTLED;
        }
        String participant;
        try {
            participant = ParticipantEvents.participantName(record.value());
        } catch (MalformedRecordException e) {
            LOG.warnf("%s delivery %s (%s) at %s-%d@%d names no Meet participant to look up: %s", event.source(),
                    DeliveryOutcomes.printable(event.deliveryId()), event.eventType(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            unresolved("unreadable");
            return Outcome.SETTLED;
        }
        if (resolved.contains(participant)) {
            return Outcome.SETTLED;
        }
        String deliveryId = DELIVERY_ID_PREFIX + participant;
        return retry.around(participants.get(participant))
                .chain(answer -> Uni.createFrom().completionStage(log.append(record.key(), answer,
                        DeliveryMetadata.accepted(Sources.MEET_API, RESOLVED, deliveryId, Instant.now(), JSON,
                                Sources.MEET_API))))
                .map(appended -> {
                    resolved.add(participant);
                    return Outcome.SETTLED;
                })
                .onFailure().recoverWithItem(failure -> failed(failure, deliveryId, event))
                .await().indefinitely();
    }

    private Outcome failed(Throwable failure, String deliveryId, DeliveryMetadata event) {
        String what = String.format("Meet participant lookup %s (for %s delivery %s)", deliveryId, event.source(),
                DeliveryOutcomes.printable(event.deliveryId()));
        DeliveryRejectedException notAppended = Causes.ofType(failure, DeliveryRejectedException.class);
        if (notAppended != null) {
            if (notAppended.rejection() == Rejection.LOG_UNAVAILABLE) {
                LOG.errorf(notAppended.getCause(), "%s: the answer was not appended (%s); the event is read again",
                        what, notAppended.detail());
                return Outcome.APPEND_FAILED;
            }
            LOG.errorf(notAppended.getCause(), "%s: the answer was not appended (%s); the participant stays shown "
                    + "by its resource id", what, notAppended.detail());
            unresolved("not_appended");
            return Outcome.SETTLED;
        }
        GoogleApiException api = Causes.ofType(failure, GoogleApiException.class);
        if (api == null) {
            LOG.errorf(failure, "%s failed; the participant stays shown by its resource id", what);
            unresolved("error");
        } else if (api.kind() == GoogleApiException.Kind.NOT_FOUND) {
            LOG.warnf("%s: the Meet API does not know it (%s); no record appended, the participant stays shown "
                    + "by its resource id", what, api.getMessage());
            unresolved("not_found");
        } else if (api.kind() == GoogleApiException.Kind.TRANSIENT) {
            LOG.errorf("%s gave up after %d attempts (%s); the participant stays shown by its resource id", what,
                    retry.maxAttempts(), api.getMessage());
            unresolved("gave_up");
        } else {
            LOG.errorf("%s refused (%s); the participant stays shown by its resource id", what, api.getMessage());
            unresolved("refused");
        }
        return Outcome.SETTLED;
    }

    private void unresolved(String reason) {
        registry.counter("orgpulse.meet.participants.unresolved", "reason", reason).increment();
    }
}
