package dev.orgpulse.eventlog;

/** Names of the string headers every record on {@link Topics#EVENTS} carries. */
public final class LogHeaders {

    public static final String SOURCE = "source";
    public static final String EVENT_TYPE = "event-type";
    public static final String DELIVERY_ID = "delivery-id";
    public static final String RECEIVED_AT = "received-at";
    public static final String CONTENT_TYPE = "content-type";
    public static final String VERIFIED_BY = "verified-by";
    public static final String CONTRACT_VERSION = "contract-version";

    /** Bumped when the meaning of a header or of the record value changes. */
    public static final String CURRENT_CONTRACT_VERSION = "1";

    private LogHeaders() {
    }
}
