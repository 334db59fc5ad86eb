package dev.orgpulse.ingest.delivery;

/**
 * Why a delivery was not appended to the log: the HTTP status the sender gets and the {@code reason} tag
 * of the rejection counter.
 */
public enum Rejection {

    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    TOO_LARGE(413, "too_large"),
    BAD_SIGNATURE(401, "bad_signature"),
    /** No bearer token, or not a valid Google ID token for this service. */
    INVALID_TOKEN(401, "invalid_token"),
    /** A valid Google ID token, but of an account that may not push. */
    FORBIDDEN_SENDER(403, "forbidden_sender"),
    MALFORMED(400, "malformed"),
    /** The delivery is certainly not on the log (the broker did not take it in time); the sender retries. */
    LOG_UNAVAILABLE(503, "log_unavailable"),
    /**
     * The delivery's log transaction failed to commit and then to abort: it may be on the log or not. The sender
     * retries; the fold counts a delivery id once.
     */
    LOG_OUTCOME_UNKNOWN(500, "log_outcome_unknown"),
    /** Google's signing keys could not be fetched, so no token can be checked yet; the sender retries. */
    VERIFICATION_UNAVAILABLE(503, "verification_unavailable");

    private final int status;
    private final String reason;

    Rejection(int status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** The service, not the delivery, is at fault: the sender should retry. */
    public boolean isServiceFault() {
        return status >= 500;
    }
}
