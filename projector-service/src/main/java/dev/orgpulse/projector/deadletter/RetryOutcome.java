package dev.orgpulse.projector.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.orgpulse.projector.readmodel.BatchResult;

/**
 * What folding a dead letter again did: {@code folded}, {@code ignored} (its event changes no read model) or
 * {@code duplicate} (its delivery was folded since), and it left the list; or {@code dead_letter} again, with the
 * reason, and it stays.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RetryOutcome(long id, String outcome, String reason) {

    static final String DEAD_LETTER = "dead_letter";

    static RetryOutcome of(long id, BatchResult result) {
        if (!result.deadLetters().isEmpty()) {
            return new RetryOutcome(id, DEAD_LETTER, result.deadLetters().get(0).reason());
        }
        String outcome = result.folded() > 0 ? "folded" : result.ignored() > 0 ? "ignored" : "duplicate";
        return new RetryOutcome(id, outcome, null);
    }

    boolean resolved() {
        return !DEAD_LETTER.equals(outcome);
    }
}
