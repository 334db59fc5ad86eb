package dev.orgpulse.query.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.orgpulse.query.gate.RouteGate;
import dev.orgpulse.query.readmodel.StatsReadModel;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/stats}, the most read endpoint (every wall polls it): written from bytes encoded once per change,
 * 304 to its ETag. A Vert.x route rather than a REST resource: the REST pipeline (its filter chain, context
 * propagation, response building) cost several times the answer itself. The viewer gate is applied by
 * {@link RouteGate}; a failure answers the same JSON as {@link ErrorMappers}.
 * <p>
 * The route runs before Quarkus's own filters on the application router: its HTTP authentication (a deferred
 * identity built for every request though none is asked for), the REST layer's observability filter (it matches the
 * path against every REST resource), its permission check and the OIDC extension's handlers took a sixth of the time
 * of each request, and none of them has a say here: the viewer gate is the only authority on {@code /api} (no
 * {@code quarkus.http.auth.permission} is configured), and a GET has no body to limit. The server-wide handlers
 * (forwarded headers, duplicated context) still run first; so would a CORS filter, which orders before it.
 */
@ApplicationScoped
public class StatsRoute {

    static final String PATH = "/api/stats";

    /** Quarkus orders a filter of priority p at -p: this is just before its authentication filter, after CORS. */
    private static final int BEFORE_AUTHENTICATION = -SecurityHandlerPriorities.AUTHENTICATION - 1;

    private static final Logger LOG = Logger.getLogger(StatsRoute.class);
    private static final String FAILED = "{\"error\":\"internal_error\",\"detail\":\"the request failed unexpectedly;"
            + " the service log has the cause\"}";

    private final StatsReadModel stats;
    private final StatsAnswers answers;
    private final RouteGate gate;

    public StatsRoute(StatsReadModel stats, StatsAnswers answers, RouteGate gate) {
        this.stats = stats;
        this.answers = answers;
        this.gate = gate;
    }

    void route(@Observes Router router) {
        router.get(PATH).order(BEFORE_AUTHENTICATION).handler(this::stats);
    }

    private void stats(RoutingContext routing) {
        if (!gate.admits(routing)) {
            return;
        }
        String ifNoneMatch = routing.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        stats.cached().ifPresentOrElse(totals -> answer(routing, answers.of(totals), ifNoneMatch),
                () -> stats.current().subscribe().with(totals -> answer(routing, answers.of(totals), ifNoneMatch),
                        failure -> {
                            LOG.error("request failed", failure);
                            routing.response().setStatusCode(500)
                                    .putHeader("Content-Type", "application/json").end(FAILED);
                        }));
    }

    private static void answer(RoutingContext routing, StatsAnswer answer, String ifNoneMatch) {
        if (answer.isNamedBy(ifNoneMatch)) {
            routing.response().setStatusCode(304).putHeader("ETag", answer.etag()).end();
        } else {
            routing.response().putHeader("Content-Type", "application/json")
                    .putHeader("ETag", answer.etag()).end(Buffer.buffer(answer.json()));
        }
    }
}
