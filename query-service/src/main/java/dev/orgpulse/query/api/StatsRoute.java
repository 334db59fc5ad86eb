package dev.orgpulse.query.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.orgpulse.query.gate.RouteGate;
import dev.orgpulse.query.readmodel.StatsReadModel;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/stats}, the most read endpoint (every wall polls it): written from bytes encoded once per change,
 * 304 to its ETag. A Vert.x route rather than a REST resource: the REST pipeline (its filter chain, context
 * propagation, response building) cost several times the answer itself. The viewer gate is applied by
 * {@link RouteGate}; a failure answers the same JSON as {@link ErrorMappers}.
 */
@ApplicationScoped
public class StatsRoute {

    static final String PATH = "/api/stats";

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
        router.get(PATH).handler(this::stats);
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
