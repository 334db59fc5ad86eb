package dev.orgpulse.eventlog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The read models a change notice can name; the query service invalidates its caches by these. */
public enum ReadModel {
    @JsonProperty("feed") FEED,
    @JsonProperty("stats") STATS,
    @JsonProperty("contributors") CONTRIBUTORS,
    @JsonProperty("repos") REPOS,
    @JsonProperty("heatmap") HEATMAP,
    @JsonProperty("pull_requests") PULL_REQUESTS,
    /** Meet meetings with their participant sessions and who the participants are (so also the attendance). */
    @JsonProperty("meetings") MEETINGS,
    /** CI: workflow runs and their jobs, check runs. */
    @JsonProperty("ci_runs") CI_RUNS,
    /** The leaderboard's point rules. */
    @JsonProperty("point_rules") POINT_RULES
}
