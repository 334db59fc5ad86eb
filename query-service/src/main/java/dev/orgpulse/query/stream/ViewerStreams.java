package dev.orgpulse.query.stream;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.orgpulse.query.config.QueryConfig;
import dev.orgpulse.query.readmodel.FeedReadModel;
import dev.orgpulse.query.readmodel.StatusReadModel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * The viewers' streams: each opens with a first comment (so the response starts at once), the feed items missed
 * since its {@code Last-Event-ID} (when it names the version served now), then live activity and stats; every
 * stream gets a heartbeat comment every {@code ORGPULSE_STREAM_HEARTBEAT}. A client without a usable id starts where
 * the feed ends.
 */
@ApplicationScoped
public class ViewerStreams {

    private final ChangeHub hub;
    private final FeedReadModel feed;
    private final StatusReadModel status;
    private final StreamMessages messages;
    private final Vertx vertx;
    private final Duration heartbeat;
    private final int pageSize;
    private long heartbeats = -1;

    public ViewerStreams(ChangeHub hub, FeedReadModel feed, StatusReadModel status, StreamMessages messages,
            Vertx vertx, QueryConfig config) {
        this.hub = hub;
        this.feed = feed;
        this.status = status;
        this.messages = messages;
        this.vertx = vertx;
        this.heartbeat = config.stream().heartbeat();
        this.pageSize = config.stream().replayLimit();
    }

    /** One timer for every stream: a timer per client was 10,000 timers for 10,000 clients. */
    void startHeartbeats(@Observes StartupEvent started) {
        heartbeats = vertx.setPeriodic(heartbeat.toMillis(), tick -> hub.heartbeat());
    }

    void stopHeartbeats(@Observes ShutdownEvent stopping) {
        vertx.cancelTimer(heartbeats);
    }

    /** Streams the answer to {@code request}, on the event loop of {@code context} (its connection's). */
    void open(Optional<StreamId> resumeFrom, HttpServerRequest request, Context context) {
        ViewerStream.open(request, context, hub, pushedWhenListening -> start(resumeFrom, pushedWhenListening));
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
}
