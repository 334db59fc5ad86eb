package dev.orgpulse.ingest.webhook;

/** The body of a 202: the delivery is durably on the log. */
public record Receipt(String delivery, String status) {

    public static Receipt accepted(String deliveryId) {
        return new Receipt(deliveryId, "accepted");
    }
}
