package dev.orgpulse.query.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import dev.orgpulse.query.readmodel.StatusReadModel;
import io.smallrye.mutiny.Uni;

/** {@code GET /healthz}, public: up when the read model answers, with when it last changed. */
@Path("/healthz")
public class HealthzResource {

    private static final Logger LOG = Logger.getLogger(HealthzResource.class);

    private final StatusReadModel status;

    public HealthzResource(StatusReadModel status) {
        this.status = status;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Healthz>> healthz() {
        return status.health()
                .map(RestResponse::ok)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("healthz: the read model does not answer: %s", failure.getMessage());
                    return RestResponse.status(RestResponse.Status.SERVICE_UNAVAILABLE, new Healthz("DOWN", null, null));
                });
    }
}
