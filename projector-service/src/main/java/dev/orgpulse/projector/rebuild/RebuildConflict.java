package dev.orgpulse.projector.rebuild;

/** A rebuild cannot start while another one is active, nor be cancelled once it ended: 409. */
public class RebuildConflict extends RuntimeException {

    public RebuildConflict(String message) {
        super(message);
    }

    public RebuildConflict(Rebuild active) {
        this(active == null ? "a rebuild is active"
                : "rebuild " + active.id() + " (" + active.version() + ") is " + active.state()
                        + "; DELETE /admin/rebuilds/" + active.id() + " cancels it");
    }
}
