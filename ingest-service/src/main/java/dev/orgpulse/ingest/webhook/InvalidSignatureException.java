package dev.orgpulse.ingest.webhook;

/** A webhook whose signature is missing, malformed or made with no configured secret. */
public class InvalidSignatureException extends RuntimeException {

    public InvalidSignatureException(String reason) {
        super(reason);
    }
}
