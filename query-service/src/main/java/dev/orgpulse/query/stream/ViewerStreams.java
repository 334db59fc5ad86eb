package dev.orgpulse.query.stream;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgpulse.query.config.QueryConfig;
import dev.orgpulse.query.readmodel.FeedReadModel;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.queues.Queues;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * One viewer's stream: a first comment (so the response starts at once), the feed items missed since its
 * {@code Last-Event-ID}, then live activity and stats, with heartbeat comments throughout.
 */
@ApplicationScoped
public class ViewerStreams {

    private static final Logger LOG = Logger.getLogger(ViewerStreams.class);

    /** Live messages held for one client while it replays or reads slowly; past this it is dropped and reconnects. */
    private static final int LIVE_BUFFER = 1024;

    private final ChangeHub hub;
    private final FeedReadModel feed;
    private final StreamMessages messages;
    private final Duration heartbeat;
    private final int replayLimit;

    public ViewerStreams(ChangeHub hub, FeedReadModel feed, StreamMessages messages, QueryConfig config) {
        this.hub = hub;
        this.feed = feed;
        this.messages = messages;
        this.heartbeat = config.stream().heartbeat();
        this.replayLimit = config.stream().replayLimit();
    }

    public Multi<StreamMessage> open(OptionalLong lastSeenId) {
        return Multi.createFrom().deferred(() -> {
            // listen before saying "connected" and before reading what was missed: nothing published from here
            // on can fall in between
            UnicastProcessor<StreamMessage> live = UnicastProcessor.create(Queues.<StreamMessage>get(LIVE_BUFFER).get(), null);
            Cancellable listening = hub.live().subscribe().with(live::onNext, live::onError, live::onComplete);
            Set<Long> replayed = ConcurrentHashMap.newKeySet();
            Multi<StreamMessage> activity = Multi.createBy().concatenating().streams(
                    missed(lastSeenId).invoke(message -> replayed.add(message.id())),
                    live.select().where(message -> !(message.isActivity() && replayed.contains(message.id()))));
            return Multi.createBy().concatenating().streams(
                    Multi.createFrom().item(StreamMessage.CONNECTED),
                    Multi.createBy().merging().streams(activity, heartbeats()))
                    .onFailure(BackPressureFailure.class).invoke(slow -> LOG.info(
                            "stream client fell too far behind; closing its stream so it reconnects with Last-Event-ID"))
                    .onFailure(BackPressureFailure.class).recoverWithCompletion()
                    .onTermination().invoke(listening::cancel);
        });
    }

    private Multi<StreamMessage> missed(OptionalLong lastSeenId) {
        if (lastSeenId.isEmpty()) {
            return Multi.createFrom().empty();
        }
        return feed.after(lastSeenId.getAsLong(), replayLimit)
                .onItem().transformToMulti(items -> Multi.createFrom().iterable(items))
                .map(messages::activity);
    }

    private Multi<StreamMessage> heartbeats() {
        return Multi.createFrom().ticks().every(heartbeat)
                .onOverflow().drop()
                .map(tick -> StreamMessage.HEARTBEAT);
    }
}
