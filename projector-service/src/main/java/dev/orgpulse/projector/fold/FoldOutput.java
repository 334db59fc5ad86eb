package dev.orgpulse.projector.fold;

/**
 * The version of what the fold produces. Bump {@link #VERSION} in the commit that changes it (a migration that
 * reshapes a read model, a fold that computes something differently): a projector starting with a higher value than
 * the live read models were built with rebuilds them from the log beside the live ones, instead of emptying them.
 */
public final class FoldOutput {

    public static final int VERSION = 2;

    private FoldOutput() {
    }
}
