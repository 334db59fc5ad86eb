package dev.orgpulse.projector.readmodel;

import java.util.Locale;

/** Values of {@code processed_delivery.outcome}. */
public enum DeliveryOutcome {
    FOLDED, IGNORED;

    public String columnValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
