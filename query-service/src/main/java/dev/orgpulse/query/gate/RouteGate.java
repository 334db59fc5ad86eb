package dev.orgpulse.query.gate;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orgpulse.query.api.ErrorBody;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The viewer gate for the few {@code GET /api} routes served by Vert.x directly rather than by a REST resource (the
 * stream, the stats): the same verdict as {@link ViewerGateFilter}'s, and the same 401. Reads change nothing, so no
 * cross-site check is due.
 */
@ApplicationScoped
public class RouteGate {

    private static final Logger LOG = Logger.getLogger(RouteGate.class);

    private final ViewerGate gate;
    private final Clock clock;
    private final ObjectMapper json;

    public RouteGate(ViewerGate gate, Clock clock, ObjectMapper json) {
        this.gate = gate;
        this.clock = clock;
        this.json = json;
    }

    /** Whether the request may read; when it may not, it has been answered 401. */
    public boolean admits(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        Cookie session = request.getCookie(SessionCookie.NAME);
        ViewerGate.Verdict verdict = gate.admit(request.getHeader(HttpHeaders.AUTHORIZATION),
                session == null ? null : session.getValue(), clock.instant());
        if (verdict.admitted()) {
            return true;
        }
        LOG.debugf("viewer refused for %s %s: %s", request.method(), request.path(), verdict.reason());
        routing.response().setStatusCode(401)
                .putHeader("Content-Type", "application/json")
                .putHeader("WWW-Authenticate", ViewerGate.CHALLENGE)
                .end(errorJson(verdict.reason()));
        return false;
    }

    private String errorJson(String reason) {
        try {
            return json.writeValueAsString(new ErrorBody("unauthorized", reason));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body is always writable", e);
        }
    }
}
