package dev.orgpulse.query.gate;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.orgpulse.query.api.ErrorBody;

/**
 * Puts every request through the {@link ViewerGate} before it is matched to a resource, so the SSE stream is
 * gated like the JSON endpoints (a refused stream never starts).
 */
public class ViewerGateFilter {

    private static final Logger LOG = Logger.getLogger(ViewerGateFilter.class);

    private final ViewerGate gate;
    private final Clock clock;

    public ViewerGateFilter(ViewerGate gate, Clock clock) {
        this.gate = gate;
        this.clock = clock;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Optional<Response> admit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        ViewerGate.Area area = ViewerGate.areaOf(path);
        if (area == ViewerGate.Area.OPEN) {
            return Optional.empty();
        }
        Cookie session = request.getCookies().get(SessionCookie.NAME);
        ViewerGate.Verdict verdict = gate.admit(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                session == null ? null : session.getValue(), clock.instant());
        if (verdict.admitted()) {
            return Optional.empty();
        }
        LOG.debugf("viewer refused for %s %s: %s", request.getMethod(), path, verdict.reason());
        if (area == ViewerGate.Area.PAGE) {
            return Optional.of(Response.seeOther(URI.create(SessionResource.LOGIN_PATH)).build());
        }
        return Optional.of(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"orgpulse\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("unauthorized", verdict.reason()))
                .build());
    }
}
