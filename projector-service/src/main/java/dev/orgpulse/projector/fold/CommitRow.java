package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.List;

/**
 * A commit as pushed.
 *
 * @param authorLogin     the author's GitHub login; without one, the author's name, or else their email
 * @param message         the first line of the commit message
 * @param branch          the pushed branch, without {@code refs/heads/}
 * @param onDefaultBranch whether it was pushed to the repository's default branch: commits elsewhere count, marked
 * @param languages       the languages of the files it added or modified ({@link Linguist}), sorted; none when the
 *                        record named no files (a backfill's commits)
 * @param deliveryId      the delivery that brought it first
 */
public record CommitRow(String sha, long repoId, String repo, String authorLogin, String authorName, String authorEmail,
        String message, Instant committedAt, String branch, boolean onDefaultBranch, boolean bot,
        List<String> languages, String deliveryId) {

    /** The commit as first stored, on the default branch once any push brought it there. */
    public CommitRow reaching(CommitRow later) {
        return later.onDefaultBranch && !onDefaultBranch
                ? new CommitRow(sha, repoId, repo, authorLogin, authorName, authorEmail, message, committedAt, branch,
                        true, bot, languages, deliveryId)
                : this;
    }
}
