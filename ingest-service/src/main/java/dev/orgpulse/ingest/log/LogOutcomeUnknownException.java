package dev.orgpulse.ingest.log;

/**
 * A record's transaction was asked to commit, the commit failed and so did the abort: whether the record is on the log
 * is not known. The sender is told so, and delivers again; the fold counts a delivery id once.
 */
public class LogOutcomeUnknownException extends RuntimeException {

    LogOutcomeUnknownException(Throwable cause) {
        super("the log transaction's outcome is unknown: " + cause, cause);
    }
}
