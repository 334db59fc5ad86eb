package dev.orgpulse.projector.admin;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A store the admin endpoints read from did not answer: 503 with the JSON error body. */
public class AdminFailureMapper {

    private static final Logger LOG = Logger.getLogger(AdminFailureMapper.class);

    @ServerExceptionMapper
    public Response unavailable(IllegalStateException failure) {
        LOG.warnf(failure, "Admin request failed");
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("unavailable", failure.getMessage())).build();
    }
}
