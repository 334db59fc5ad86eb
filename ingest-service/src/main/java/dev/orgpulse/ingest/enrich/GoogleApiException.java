package dev.orgpulse.ingest.enrich;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** A call to Google that brought no answer to use, and whether asking again may help. */
public class GoogleApiException extends RuntimeException {

    public enum Kind {
        /** The API does not know the resource (or does not show it to the impersonated user): asking again won't help. */
        NOT_FOUND,
        /** Overloaded, unavailable or too slow (429, 5xx, timeouts, broken connections): worth another attempt. */
        TRANSIENT,
        /** Refused for good (a bad grant, a missing permission, an unreadable answer): needs an operator. */
        REFUSED
    }

    private static final int EXCERPT_LENGTH = 200;
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");

    private final Kind kind;

    GoogleApiException(Kind kind, String message) {
        this(kind, message, null);
    }

    GoogleApiException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /**
     * @param call what was asked, for the message
     * @param body Google's error body, quoted (shortened, on one line) because it says what is wrong
     */
    static GoogleApiException answered(Kind kind, String call, int status, byte[] body) {
        String excerpt = new String(body, StandardCharsets.UTF_8);
        if (excerpt.length() > EXCERPT_LENGTH) {
            excerpt = excerpt.substring(0, EXCERPT_LENGTH) + "...";
        }
        return new GoogleApiException(kind, call + " answered " + status + ": "
                + CONTROL_CHARACTERS.matcher(excerpt).replaceAll(" "));
    }

    /** Statuses that say "not now" rather than "no": request timeout, too many requests, server errors. */
    static boolean isTransientStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    static boolean isTransient(Throwable failure) {
        return failure instanceof GoogleApiException api && api.kind == Kind.TRANSIENT;
    }

    public Kind kind() {
        return kind;
    }
}
