package dev.orgpulse.query.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.orgpulse.eventlog.ChangeNotice;
import dev.orgpulse.eventlog.FeedItem;
import dev.orgpulse.eventlog.MalformedRecordException;
import dev.orgpulse.eventlog.ReadModel;
import dev.orgpulse.query.readmodel.FeedReadModel;
import dev.orgpulse.query.readmodel.ReadModelCaches;
import dev.orgpulse.query.readmodel.StatsReadModel;
import io.smallrye.mutiny.Uni;

/**
 * Reacts to each change notice from the projectors of the read-model version this node serves ({@link ServedVersion}):
 * empties the caches of the read models it names, then pushes its new feed items and fresh stats to the stream clients. A notice that cannot be handled is logged and
 * skipped; the next one still gets through.
 */
@ApplicationScoped
public class ChangeNoticeConsumer {

    private static final Logger LOG = Logger.getLogger(ChangeNoticeConsumer.class);

    private final ReadModelCaches caches;
    private final FeedReadModel feed;
    private final StatsReadModel stats;
    private final StreamMessages messages;
    private final ChangeHub hub;
    private final ServedVersion served;

    public ChangeNoticeConsumer(ReadModelCaches caches, FeedReadModel feed, StatsReadModel stats,
            StreamMessages messages, ChangeHub hub, ServedVersion served) {
        this.served = served;
        this.caches = caches;
        this.feed = feed;
        this.stats = stats;
        this.messages = messages;
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
        List<FeedItem> added = notice.feed() == null ? List.of() : notice.feed();
        Set<String> stale = ReadModelCaches.cachesOf(changed);
        return caches.invalidate(stale)
                .chain(() -> streamMessages(added))
                .invoke(hub::publish)
                .invoke(pushed -> LOG.debugf("change notice committed at %s: emptied caches %s, pushed %d stream events",
                        notice.committedAt(), stale, pushed.size()))
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "change notice committed at %s (changed %s) reached no stream client",
                            notice.committedAt(), changed);
                    return null;
                });
    }

    private Uni<List<StreamMessage>> streamMessages(List<FeedItem> added) {
        Uni<List<FeedItem>> shown = feed.shown(added.stream().map(FeedItem::id).toList());
        return Uni.combine().all().unis(shown, stats.current(), feed.highestId())
                .with((items, totals, highestId) -> {
                    List<StreamMessage> pushed = new ArrayList<>(items.size() + 1);
                    items.forEach(item -> pushed.add(messages.activity(item)));
                    pushed.add(messages.stats(totals, highestId));
                    return pushed;
                });
    }
}
