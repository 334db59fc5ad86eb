package dev.orgpulse.ingest.delivery;

/**
 * A delivery that was refused and is not on the log. Its delivery id is the sender's claim: missing, or not to
 * be trusted, when the rejection came before the signature check.
 */
public class DeliveryRejectedException extends RuntimeException {

    private final String source;
    private final String deliveryId;
    private final Rejection rejection;

    public DeliveryRejectedException(String source, String deliveryId, Rejection rejection, String detail,
            Throwable cause) {
        super(detail, cause);
        this.source = source;
        this.deliveryId = deliveryId;
        this.rejection = rejection;
    }

    public String source() {
        return source;
    }

    public String deliveryId() {
        return deliveryId;
    }

    public Rejection rejection() {
        return rejection;
    }

    public String detail() {
        return getMessage();
    }
}
