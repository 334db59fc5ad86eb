package dev.orgpulse.ingest.delivery;

import java.util.Locale;
import java.util.Set;

/** Media types as senders write them: any case, with or without parameters ({@code ; charset=...}). */
public final class MediaTypes {

    private MediaTypes() {
    }

    /** @return whether the Content-Type names one of the {@code accepted} lower-case types; {@code false} when absent */
    public static boolean isOneOf(String contentType, Set<String> accepted) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return accepted.contains(type.strip().toLowerCase(Locale.ROOT));
    }
}
