package dev.orgpulse.ingest.delivery;

/** A request body over the configured cap. */
public class BodyTooLargeException extends RuntimeException {

    public BodyTooLargeException(String reason) {
        super(reason);
    }
}
