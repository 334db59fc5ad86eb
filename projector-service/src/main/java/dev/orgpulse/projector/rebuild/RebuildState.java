package dev.orgpulse.projector.rebuild;

import java.util.Locale;
import java.util.Set;

/**
 * Where a rebuild stands. {@code running} folds the log into the new version; {@code switching} has caught up with the
 * log and is making the version current (it may fold a few more batches if the live fold got ahead meanwhile); the
 * other three are final.
 */
public enum RebuildState {
    RUNNING,
    SWITCHING,
    DONE,
    FAILED,
    CANCELLED;

    /** The states in which a rebuild holds the one rebuild slot. */
    public static final Set<RebuildState> ACTIVE = Set.of(RUNNING, SWITCHING);

    public boolean active() {
        return ACTIVE.contains(this);
    }

    /** Whether a rebuild in this state may move to {@code next}: forward only, never out of a final state. */
    public boolean canBecome(RebuildState next) {
        return switch (this) {
            case RUNNING -> next != RUNNING;
            case SWITCHING -> next != SWITCHING;
            case DONE, FAILED, CANCELLED -> false;
        };
    }

    /** As stored and shown: lower case. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RebuildState fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
