package dev.orgpulse.query.stream;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgpulse.query.api.ErrorBody;
import dev.orgpulse.query.gate.SessionCookie;
import dev.orgpulse.query.gate.ViewerGate;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/stream}: Server-Sent Events of activity and stats, resumable with {@code Last-Event-ID}. A browser's
 * EventSource sends that header only when it reconnects by itself; a page that opens a new one after its stream was
 * closed passes the id as {@code ?lastEventId=} instead. The header, being the newer, wins.
 * <p>
 * A Vert.x route, not a REST resource: each stream is written straight to its connection ({@link ViewerStream}), which
 * with thousands of clients per change is most of a change's cost. So the viewer gate the REST filter applies to
 * every other request is applied here: the same verdict, the same 401.
 */
@ApplicationScoped
public class StreamRoute {

    static final String PATH = "/api/stream";

    private static final Logger LOG = Logger.getLogger(StreamRoute.class);

    private final ViewerStreams streams;
    private final ViewerGate gate;
    private final Clock clock;
    private final ObjectMapper json;

    public StreamRoute(ViewerStreams streams, ViewerGate gate, Clock clock, ObjectMapper json) {
        this.streams = streams;
        this.gate = gate;
        this.clock = clock;
        this.json = json;
    }

    void route(@Observes Router router) {
        router.get(PATH).handler(this::stream);
    }

    private void stream(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        Cookie session = request.getCookie(SessionCookie.NAME);
        ViewerGate.Verdict verdict = gate.admit(request.getHeader(HttpHeaders.AUTHORIZATION),
                session == null ? null : session.getValue(), clock.instant());
        if (!verdict.admitted()) {
            LOG.debugf("viewer refused for GET %s: %s", PATH, verdict.reason());
            routing.response().setStatusCode(401)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader("WWW-Authenticate", ViewerGate.CHALLENGE)
                    .end(errorJson(verdict.reason()));
            return;
        }
        String lastEventIdHeader = request.getHeader("Last-Event-ID");
        String resumeFrom = lastEventIdHeader != null && !lastEventIdHeader.isBlank() ? lastEventIdHeader
                : request.getParam("lastEventId");
        streams.open(StreamId.parse(resumeFrom), routing.response(), Vertx.currentContext());
    }

    private String errorJson(String reason) {
        try {
            return json.writeValueAsString(new ErrorBody("unauthorized", reason));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body is always writable", e);
        }
    }
}
