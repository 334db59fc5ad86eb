package dev.orgpulse.query.stream;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.orgpulse.eventlog.ChangeNotice;
import dev.orgpulse.eventlog.MalformedRecordException;
import dev.orgpulse.eventlog.ReadModel;
import dev.orgpulse.query.readmodel.ReadModelCaches;
import dev.orgpulse.query.readmodel.StatsReadModel;
import io.smallrye.mutiny.Uni;

/**
 * Reacts to each change notice from the projectors of the read-model version this node serves ({@link ServedVersion}):
 * empties the caches of the read models it names, then pushes the feed items up to the log positions it reached, and
 * fresh stats, to the stream clients. The items are read from the database, not taken from the notice: a notice that
 * cannot be handled is logged and skipped, and the next one brings its items too.
 */
@ApplicationScoped
public class ChangeNoticeConsumer {

    private static final Logger LOG = Logger.getLogger(ChangeNoticeConsumer.class);

    private final ReadModelCaches caches;
    private final PushedFeed pushed;
    private final StatsReadModel stats;
    private final ChangeHub hub;
    private final ServedVersion served;

    public ChangeNoticeConsumer(ReadModelCaches caches, PushedFeed pushed, StatsReadModel stats, ChangeHub hub,
            ServedVersion served) {
        this.served = served;
        this.caches = caches;
        this.pushed = pushed;
        this.stats = stats;
        this.hub = hub;
    }

    @Incoming("changes")
    public Uni<Void> onChange(byte[] value) {
        ChangeNotice notice;
        try {
            notice = ChangeNotice.fromJson(value);
        } catch (MalformedRecordException e) {
            LOG.warnf("change notice skipped: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return served.serves(notice.readModelVersion()).chain(serves -> {
            if (!serves) {
                LOG.debugf("change notice of read-model version %s ignored: this node serves another version",
                        notice.readModelVersion());
                return Uni.createFrom().voidItem();
            }
            return onServedChange(notice);
        }).onFailure().recoverWithItem(failure -> {
            LOG.errorf(failure, "change notice committed at %s (version %s) not handled", notice.committedAt(),
                    notice.readModelVersion());
            return null;
        });
    }

    private Uni<Void> onServedChange(ChangeNotice notice) {
        Set<ReadModel> changed = notice.changed() == null ? Set.of() : notice.changed();
        Map<Integer, Long> reached = notice.positions() == null ? Map.of() : notice.positions();
        Set<String> stale = ReadModelCaches.cachesOf(changed);
        return caches.invalidate(stale)
                .chain(() -> pushed.changeTo(reached, stats.current()))
                .invoke(hub::publish)
                .invoke(change -> LOG.debugf("change notice committed at %s: emptied caches %s, pushed %d feed items",
                        notice.committedAt(), stale, change.itemCount()))
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "change notice committed at %s (changed %s) reached no stream client",
                            notice.committedAt(), changed);
                    return null;
                });
    }
}
