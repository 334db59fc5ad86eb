package dev.orgpulse.projector.stream;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether the fold is writing batches or stuck retrying one, for readiness and the admin status. */
@ApplicationScoped
public class FoldProgress {

    /** @param failure why the batch being retried could not be written; {@code null} when the last one was */
    public record State(Instant lastBatchAt, String failure) {
    }

    private final AtomicReference<State> state = new AtomicReference<>(new State(null, null));

    void batchWritten() {
        state.set(new State(Instant.now(), null));
    }

    void batchFailed(Throwable failure) {
        state.updateAndGet(current -> new State(current.lastBatchAt(), String.valueOf(failure)));
    }

    public State state() {
        return state.get();
    }
}
