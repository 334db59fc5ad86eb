package dev.orgpulse.projector.fold;

import java.util.Locale;

/** In order of finality: of two pictures of a pull request from the same second, the more final one wins. */
public enum PullRequestState {
    OPEN, CLOSED, MERGED;

    /** The value stored in {@code pull_request.state}. */
    public String columnValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
