package dev.orgpulse.query.api;

import java.time.Instant;

/**
 * One repository of {@code GET /api/projects}.
 *
 * @param activeDays   distinct UTC days with a commit
 * @param lifespanMin  minutes from the first commit to the last
 * @param churn        lines added plus deleted by its merged pull requests (pushes carry no line counts)
 * @param sizeKb       GitHub's size of the repository in kilobytes, as the newest event carrying it said
 * @param contributors distinct commit authors
 */
public record Project(String repo, long commits, long activeDays, Instant firstCommit, Instant lastCommit,
        Long lifespanMin, long churn, String primaryLanguage, Long sizeKb, long openPrs, long contributors) {
}
