package dev.orgpulse.projector.rebuild;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.orgpulse.projector.admin.ErrorBody;

/** 409 for a rebuild that cannot start or be cancelled now, 404 for an unknown one, with the JSON error body. */
public class RebuildFailureMapper {

    private static final Logger LOG = Logger.getLogger(RebuildFailureMapper.class);

    @ServerExceptionMapper
    public Response conflict(RebuildConflict conflict) {
        LOG.infof("Rebuild request refused: %s", conflict.getMessage());
        return error(Response.Status.CONFLICT, "conflict", conflict.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(RebuildNotFound missing) {
        return error(Response.Status.NOT_FOUND, "not found", missing.getMessage());
    }

    private static Response error(Response.Status status, String error, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(error, detail)).build();
    }
}
