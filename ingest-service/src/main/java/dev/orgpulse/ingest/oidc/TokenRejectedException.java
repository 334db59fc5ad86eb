package dev.orgpulse.ingest.oidc;

import dev.orgpulse.ingest.delivery.Rejection;

/** A push whose bearer token does not let it in: why, and the answer the sender gets. */
public class TokenRejectedException extends RuntimeException {

    private final Rejection rejection;

    TokenRejectedException(Rejection rejection, String reason, Throwable cause) {
        super(reason, cause);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
