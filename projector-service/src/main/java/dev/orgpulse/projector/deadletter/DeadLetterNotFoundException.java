package dev.orgpulse.projector.deadletter;

/** A dead letter asked for by an id the list does not hold (never did, or it was folded since). */
public class DeadLetterNotFoundException extends RuntimeException {

    public DeadLetterNotFoundException(long id) {
        super("no dead letter " + id + " (folded again since, or never one)");
    }
}
