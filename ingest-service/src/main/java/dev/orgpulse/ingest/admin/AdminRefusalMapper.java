package dev.orgpulse.ingest.admin;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.orgpulse.ingest.error.ErrorBody;

/** Turns an {@link AdminRefusedException} into its status and {@link ErrorBody}. */
public class AdminRefusalMapper {

    @ServerExceptionMapper
    public Response refused(AdminRefusedException refusal) {
        return Response.status(refusal.status()).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(refusal.error(), refusal.getMessage())).build();
    }
}
