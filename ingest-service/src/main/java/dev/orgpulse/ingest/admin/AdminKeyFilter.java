package dev.orgpulse.ingest.admin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.orgpulse.eventlog.AdminKey;
import dev.orgpulse.ingest.config.IngestConfig;
import dev.orgpulse.ingest.error.ErrorBody;

/** Only the admin key ({@code Authorization: Bearer <ORGPULSE_ADMIN_KEY>}) opens {@code /admin/*} of the ingest service. */
public class AdminKeyFilter {

    private static final Logger LOG = Logger.getLogger(AdminKeyFilter.class);

    private final AdminKey adminKey;

    public AdminKeyFilter(IngestConfig config) {
        this.adminKey = AdminKey.of(config.adminKey());
    }

    @ServerRequestFilter
    public Response requireAdminKey(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/admin")) {
            return null;
        }
        AdminKey.Verdict verdict = adminKey.check(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (verdict == AdminKey.Verdict.ACCEPTED) {
            return null;
        }
        boolean closed = verdict == AdminKey.Verdict.NOT_CONFIGURED;
        String detail = closed ? "no admin key is configured (ORGPULSE_ADMIN_KEY)"
                : verdict == AdminKey.Verdict.NO_CREDENTIAL ? "send Authorization: Bearer <admin key>"
                        : "the admin key does not match";
        LOG.infof("Refused %s %s: %s", request.getMethod(), path, detail);
        return Response.status(closed ? Response.Status.FORBIDDEN : Response.Status.UNAUTHORIZED)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(closed ? "admin endpoints are closed" : "unauthorized", detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
