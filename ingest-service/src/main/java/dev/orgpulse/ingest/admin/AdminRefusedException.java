package dev.orgpulse.ingest.admin;

import jakarta.ws.rs.core.Response;

/** An admin request that cannot be carried out, with the status and error body that say why. */
public class AdminRefusedException extends RuntimeException {

    private final Response.Status status;
    private final String error;

    public AdminRefusedException(Response.Status status, String error, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
    }

    public Response.Status status() {
        return status;
    }

    public String error() {
        return error;
    }
}
