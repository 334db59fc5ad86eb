package dev.orgpulse.query.stream;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgpulse.query.config.QueryConfig;
import dev.orgpulse.query.readmodel.FeedReadModel;
import dev.orgpulse.query.readmodel.StatusReadModel;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.queues.Queues;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.BackPressureFailure;

/**
 * One viewer's stream: a first comment (so the response starts at once), the feed items missed since its
 * {@code Last-Event-ID} (when it names the version served now), then live activity and stats, with heartbeat
 * comments throughout. A client without a usable id starts where the feed ends.
 */
@ApplicationScoped
public class ViewerStreams {

    private static final Logger LOG = Logger.getLogger(ViewerStreams.class);

    /** Notices held for one client while it replays or reads slowly; past this it is dropped and reconnects. */
    private static final int LIVE_BUFFER = 1024;

    private final ChangeHub hub;
    private final FeedReadModel feed;
    private final StatusReadModel status;
    private final StreamMessages messages;
    private final Duration heartbeat;
    private final int pageSize;

    public ViewerStreams(ChangeHub hub, FeedReadModel feed, StatusReadModel status, StreamMessages messages,
            QueryConfig config) {
        this.hub = hub;
        this.feed = feed;
        this.status = status;
        this.messages = messages;
        this.heartbeat = config.stream().heartbeat();
        this.pageSize = config.stream().replayLimit();
    }

    public Multi<StreamMessage> open(Optional<StreamId> resumeFrom) {
        return Multi.createFrom().deferred(() -> {
            // listen before saying "connected" and before reading where the client stands: nothing published from
            // here on can fall in between, and what it repeats of the replay is not sent twice
            UnicastProcessor<FeedChange> live = UnicastProcessor.create(Queues.<FeedChange>get(LIVE_BUFFER).get(), null);
            ChangeHub.Listening listening = hub.listen(live);
            Multi<StreamMessage> activity = start(resumeFrom, listening.from()).onItem().transformToMulti(viewer ->
                    Multi.createBy().concatenating().streams(viewer.missed(),
                            live.onItem().transformToMultiAndConcatenate(viewer::take)));
            return Multi.createBy().concatenating().streams(
                    Multi.createFrom().item(StreamMessage.CONNECTED),
                    Multi.createBy().merging().streams(activity, heartbeats()))
                    .onFailure(BackPressureFailure.class).invoke(slow -> LOG.info(
                            "stream client fell too far behind; closing its stream so it reconnects with Last-Event-ID"))
                    .onFailure(BackPressureFailure.class).recoverWithCompletion()
                    .onTermination().invoke(listening.subscription()::cancel);
        });
    }

    /**
     * Resumes from the client's id when it is of the version served now; otherwise starts where this node's stream
     * stood when the client began listening (or, when the node has pushed nothing yet, where the feed ends).
     */
    private Uni<ViewerFeed> start(Optional<StreamId> resumeFrom, Optional<FeedPositions> pushedWhenListening) {
        return status.version().chain(version -> {
            Optional<FeedPositions> resumable = resumeFrom.filter(id -> id.version().equals(version))
                    .map(StreamId::positions).or(() -> pushedWhenListening);
            Uni<FeedPositions> from = resumable.isPresent() ? Uni.createFrom().item(resumable.get())
                    : feed.end().map(FeedPositions::of);
            boolean resuming = resumeFrom.filter(id -> id.version().equals(version)).isPresent();
            return from.map(positions -> new ViewerFeed(feed, messages, pageSize, version, positions, resuming));
        });
    }

    private Multi<StreamMessage> heartbeats() {
        return Multi.createFrom().ticks().every(heartbeat)
                .onOverflow().drop()
                .map(tick -> StreamMessage.HEARTBEAT);
    }
}
