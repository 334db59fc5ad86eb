package dev.orgpulse.eventlog;

/** A record on the log, or a delivery about to become one, that does not follow the contract. */
public class MalformedRecordException extends RuntimeException {

    public MalformedRecordException(String message) {
        super(message);
    }

    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
