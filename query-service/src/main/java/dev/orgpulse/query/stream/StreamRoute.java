package dev.orgpulse.query.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.orgpulse.query.gate.RouteGate;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/stream}: Server-Sent Events of activity and stats, resumable with {@code Last-Event-ID}. A browser's
 * EventSource sends that header only when it reconnects by itself; a page that opens a new one after its stream was
 * closed passes the id as {@code ?lastEventId=} instead. The header, being the newer, wins.
 * <p>
 * A Vert.x route, not a REST resource: each stream is written straight to its connection ({@link ViewerStream}), which
 * with thousands of clients per change is most of a change's cost. The viewer gate is applied by {@link RouteGate}.
 */
@ApplicationScoped
public class StreamRoute {

    static final String PATH = "/api/stream";

    private final ViewerStreams streams;
    private final RouteGate gate;

    public StreamRoute(ViewerStreams streams, RouteGate gate) {
        this.streams = streams;
        this.gate = gate;
    }

    void route(@Observes Router router) {
        router.get(PATH).handler(this::stream);
    }

    private void stream(RoutingContext routing) {
        if (!gate.admits(routing)) {
            return;
        }
        HttpServerRequest request = routing.request();
        String lastEventIdHeader = request.getHeader("Last-Event-ID");
        String resumeFrom = lastEventIdHeader != null && !lastEventIdHeader.isBlank() ? lastEventIdHeader
                : request.getParam("lastEventId");
        streams.open(StreamId.parse(resumeFrom), request, Vertx.currentContext());
    }
}
