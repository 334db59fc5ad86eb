package dev.orgpulse.query.gate;

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
import dev.orgpulse.query.web.PageLinks;

/**
 * Puts every request through the {@link ViewerGate} before it is matched to a resource, so the SSE stream is
 * gated like the JSON endpoints (a refused stream never starts), and refuses cross-site form posts.
 */
public class ViewerGateFilter {

    private static final Logger LOG = Logger.getLogger(ViewerGateFilter.class);

    private final ViewerGate gate;
    private final Clock clock;
    private final PageLinks links;

    public ViewerGateFilter(ViewerGate gate, Clock clock, PageLinks links) {
        this.gate = gate;
        this.clock = clock;
        this.links = links;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Optional<Response> admit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        // the request's URI is built only for the methods the check is about: reads are most requests
        Optional<String> crossSite = CrossSiteCheck.changesState(request.getMethod())
                ? CrossSiteCheck.refusal(request.getMethod(), request.getHeaderString("Sec-Fetch-Site"),
                        request.getHeaderString("Origin"), request.getUriInfo().getRequestUri().getRawAuthority())
                : Optional.empty();
        if (crossSite.isPresent()) {
            LOG.warnf("%s %s refused: %s", request.getMethod(), path, crossSite.get());
            return Optional.of(error(Response.Status.FORBIDDEN, "forbidden", crossSite.get()));
        }
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
            return Optional.of(Response.seeOther(links.to(request, SignInPages.LOGIN_PATH)).build());
        }
        return Optional.of(Response.fromResponse(error(Response.Status.UNAUTHORIZED, "unauthorized", verdict.reason()))
                .header(HttpHeaders.WWW_AUTHENTICATE, ViewerGate.CHALLENGE)
                .build());
    }

    private static Response error(Response.Status status, String error, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(error, detail)).build();
    }
}
