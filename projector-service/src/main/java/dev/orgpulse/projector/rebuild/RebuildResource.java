package dev.orgpulse.projector.rebuild;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /admin/rebuilds}, behind the admin key (admin.AdminKeyFilter guards every {@code /admin} path). Blocking
 * (JDBC, Flyway): served on worker threads.
 */
@Path("/admin/rebuilds")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    private final Rebuilds rebuilds;

    public RebuildResource(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /**
     * 202 with the new rebuild's id and version; {@code ?version=v1} brings back the kept version v1 instead (folds
     * what it missed, then switches to it).
     */
    @POST
    public Response start(@QueryParam("version") String keptVersion) {
        Rebuild started = rebuilds.start(Optional.ofNullable(keptVersion).filter(name -> !name.isBlank()));
        return Response.accepted(Map.of("id", started.id(), "version", started.version())).build();
    }

    @GET
    public List<Rebuild> all() {
        return rebuilds.all();
    }

    @GET
    @Path("/{id}")
    public Rebuild one(@PathParam("id") String id) {
        return rebuilds.get(id);
    }

    @DELETE
    @Path("/{id}")
    public Rebuild cancel(@PathParam("id") String id) {
        return rebuilds.cancel(id);
    }
}
