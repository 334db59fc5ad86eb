package dev.orgpulse.eventlog;

/** Values of the {@link LogHeaders#SOURCE} header: who put the record on the log. */
public final class Sources {

    public static final String GITHUB = "github";
    public static final String GITHUB_BACKFILL = "github-backfill";
    public static final String PUBSUB = "pubsub";

    /** An answer of the Google Meet REST API, appended by the enricher so that a fold never calls the network. */
    public static final String MEET_API = "meet-api";

    /**
     * A change an operator made through an admin endpoint (the leaderboard's point rules), appended so that a replay
     * of the log gives the same read models.
     */
    public static final String ADMIN = "admin";

    private Sources() {
    }
}
