package dev.orgpulse.ingest.error;

import java.util.concurrent.CompletionException;

/** Finds what went wrong underneath the wrappers (Mutiny's, a library's) a failure arrives in. */
public final class Causes {

    private Causes() {
    }

    /** @return the failure a {@link java.util.concurrent.CompletionStage} passed on, without its CompletionException */
    public static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** @return the failure itself or its nearest cause of that type; {@code null} when there is none */
    public static <T extends Throwable> T ofType(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
