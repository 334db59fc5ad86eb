package dev.orgpulse.ingest.webhook;

/** A Pub/Sub push body that is not a push envelope the log can key and name. */
public class MalformedEnvelopeException extends RuntimeException {

    private final String messageId;

    MalformedEnvelopeException(String reason, String messageId) {
        super(reason);
        this.messageId = messageId;
    }

    /** @return the message id, when it could be read before the envelope was found wanting; else {@code null} */
    public String messageId() {
        return messageId;
    }
}
