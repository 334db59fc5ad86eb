package dev.orgpulse.ingest.delivery;

/**
 * Why a delivery was not appended to the log: the HTTP status the sender gets and the {@code reason} tag
 * of the rejection counter.
 */
public enum Rejection {

    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    TOO_LARGE(413, "too_large"),
    BAD_SIGNATURE(401, "bad_signature"),
    MALFORMED(400, "malformed"),
    LOG_UNAVAILABLE(503, "log_unavailable");

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
}
