package dev.orgpulse.ingest.admin;

import java.net.URI;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.orgpulse.ingest.backfill.BackfillStatus;
import dev.orgpulse.ingest.backfill.Backfills;
import io.smallrye.common.annotation.Blocking;

/** {@code /admin/backfills}: start a backfill of an organisation's history, follow it, cancel it. */
@Path("/admin/backfills")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class BackfillResource {

    /** The body of {@code POST /admin/backfills}. */
    public record BackfillRequest(String org, String since) {
    }

    private final Backfills backfills;

    public BackfillResource(Backfills backfills) {
        this.backfills = backfills;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(BackfillRequest request) {
        if (request == null) {
            throw new AdminRefusedException(Response.Status.BAD_REQUEST, "bad request", "send {\"org\", \"since\"}");
        }
        String id = backfills.create(request.org(), request.since());
        return Response.accepted(Map.of("id", id)).location(URI.create("/admin/backfills/" + id)).build();
    }

    @GET
    @Path("/{id}")
    public BackfillStatus status(@PathParam("id") String id) {
        return backfills.status(id);
    }

    @DELETE
    @Path("/{id}")
    public BackfillStatus cancel(@PathParam("id") String id) {
        return backfills.cancel(id);
    }
}
