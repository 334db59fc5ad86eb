package dev.orgpulse.projector.version;

/**
 * A live batch found the version pointer naming another version than the one it was writing: a rebuild has just
 * become current. The batch was rolled back; written again into the new version, whatever that version already holds
 * (below its checkpoints) is skipped.
 */
public class ReadModelVersionMoved extends RuntimeException {

    private final ReadModelVersion current;

    public ReadModelVersionMoved(ReadModelVersion writing, ReadModelVersion current) {
        super("the read models moved from " + writing + " to " + current);
        this.current = current;
    }

    public ReadModelVersion current() {
        return current;
    }
}
