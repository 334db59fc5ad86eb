package dev.orgpulse.projector.fold;

import java.util.Locale;

public enum PullRequestState {
    OPEN, CLOSED, MERGED;

    /** The value stored in {@code pull_request.state}. */
    public String columnValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
