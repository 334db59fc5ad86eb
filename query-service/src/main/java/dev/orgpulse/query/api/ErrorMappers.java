package dev.orgpulse.query.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as {@code {"error", "detail"}} JSON; unexpected ones are logged with their cause. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        return json(status.getStatusCode(), status.getReasonPhrase().toLowerCase().replace(' ', '_'),
                exception.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception exception) {
        LOG.error("request failed", exception);
        return json(500, "internal_error", "the request failed unexpectedly; the service log has the cause");
    }

    private static Response json(int status, String error, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(error, detail)).build();
    }
}
