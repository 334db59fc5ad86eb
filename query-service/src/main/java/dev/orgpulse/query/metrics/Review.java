package dev.orgpulse.query.metrics;

import java.time.Instant;

/**
 * A review submitted on a pull request.
 *
 * @param state {@code approved}, {@code changes_requested} or {@code commented}; {@code null} while only its dismissal
 *              is known
 */
public record Review(String reviewer, boolean bot, String state, boolean dismissed, Instant submittedAt) {

    /** Whether it is a review at all, by someone other than {@code author} and not by a bot: what waiting ends with. */
    boolean countsFor(String author) {
        return state != null && !bot && !reviewer.equals(author);
    }

    /** An approval or a change request that still stands (not dismissed). */
    boolean standing() {
        return !dismissed && ("approved".equals(state) || "changes_requested".equals(state));
    }
}
