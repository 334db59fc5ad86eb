package dev.orgpulse.projector.deadletter;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.orgpulse.projector.admin.ErrorBody;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * {@code /admin/dead-letters} (behind the admin key, as every {@code /admin} path): list the records the fold could
 * not take, and fold them again after a fix.
 */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    static final int MAX_PAGE_SIZE = 500;

    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Blocking
    public Response list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            return Response.status(Response.Status.BAD_REQUEST).entity(new ErrorBody("bad request",
                    "page is 0 or more, size 1 to " + MAX_PAGE_SIZE)).build();
        }
        return Response.ok(deadLetters.page(page, size)).build();
    }

    @POST
    @Path("/{id}/retry")
    public Uni<RetryOutcome> retry(@PathParam("id") long id) {
        return deadLetters.retry(id);
    }

    @POST
    @Path("/retry")
    public Uni<RetryReport> retryAll() {
        return deadLetters.retryAll();
    }

    @ServerExceptionMapper
    public Response notFound(DeadLetterNotFoundException missing) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("not found", missing.getMessage())).build();
    }
}
