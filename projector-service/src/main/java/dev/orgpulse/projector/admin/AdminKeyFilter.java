package dev.orgpulse.projector.admin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.orgpulse.eventlog.AdminKey;
import dev.orgpulse.projector.config.ProjectorConfig;

/** Guards every path under {@code /admin}, including those added later, with the admin key. */
public class AdminKeyFilter {

    private static final Logger LOG = Logger.getLogger(AdminKeyFilter.class);

    private final AdminKey adminKey;

    public AdminKeyFilter(ProjectorConfig config) {
        this.adminKey = AdminKey.of(config.adminKey());
    }

    @ServerRequestFilter
    public Response requireAdminKey(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/admin") && !path.startsWith("/admin/")) {
            return null;
        }
        return switch (adminKey.check(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            case ACCEPTED -> null;
            case NOT_CONFIGURED -> refuse(Response.Status.FORBIDDEN, "admin endpoints are closed",
                    "no admin key is configured (ORGPULSE_ADMIN_KEY)", path);
            case NO_CREDENTIAL -> refuse(Response.Status.UNAUTHORIZED, "unauthorized",
                    "send Authorization: Bearer <admin key>", path);
            case WRONG_CREDENTIAL -> refuse(Response.Status.UNAUTHORIZED, "unauthorized", "the admin key does not match",
                    path);
        };
    }

    private static Response refuse(Response.Status status, String error, String detail, String path) {
        LOG.infof("Refused %s: %s", path, detail);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(error, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
