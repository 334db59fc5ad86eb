package dev.orgpulse.projector.stream;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.orgpulse.eventlog.ChangeNotice;
import dev.orgpulse.projector.readmodel.BatchResult;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Tells caches and live streams what a committed batch changed, on {@code orgpulse-changes}, keyed by the
 * read-model version. Fire and forget: the batch is already committed, and a lost notice only delays what
 * the query service's caches show until they expire.
 */
@ApplicationScoped
public class ChangeNoticePublisher {

    private static final Logger LOG = Logger.getLogger(ChangeNoticePublisher.class);

    private final MutinyEmitter<byte[]> changes;

    public ChangeNoticePublisher(@Channel("changes") MutinyEmitter<byte[]> changes) {
        this.changes = changes;
    }

    /** Publishes what a committed batch changed, if it changed anything a reader sees. */
    public void publishChanges(BatchResult result) {
        if (result.changedReadModels()) {
            publish(new ChangeNotice(result.readModelVersion(), result.changed(), result.positions(), result.feed(),
                    Instant.now()));
        }
    }

    public void publish(ChangeNotice notice) {
        Message<byte[]> message = Message.of(notice.toJson()).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(notice.readModelVersion()).build());
        try {
            changes.sendMessage(message).subscribe().with(
                    sent -> LOG.debugf("Published change notice %s up to %s", notice.changed(), notice.positions()),
                    failure -> notPublished(notice, failure));
        } catch (RuntimeException e) {
            notPublished(notice, e);
        }
    }

    private static void notPublished(ChangeNotice notice, Throwable failure) {
        LOG.warnf("Change notice up to %s was not published (%s); caches catch up when they expire",
                notice.positions(), failure.toString());
    }
}
