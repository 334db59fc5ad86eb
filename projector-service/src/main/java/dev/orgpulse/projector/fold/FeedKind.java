package dev.orgpulse.projector.fold;

import java.util.Locale;

/** The kinds of feed items; the names on the wire follow nilicule/codewall ({@code commit}, {@code opened}, {@code merged}). */
public enum FeedKind {
    COMMIT, OPENED, MERGED, CLOSED, REOPENED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
