package dev.orgpulse.projector.rebuild;

/** No rebuild has this id: 404. */
public class RebuildNotFound extends RuntimeException {

    public RebuildNotFound(String id) {
        super("no rebuild " + id + " (GET /admin/rebuilds lists them)");
    }
}
