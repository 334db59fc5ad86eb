package dev.orgpulse.projector.fold;

import java.time.Instant;

/**
 * A commit as pushed.
 *
 * @param authorLogin the author's GitHub login, or the author's name when the commit carries no login
 * @param message     the first line of the commit message
 * @param branch      the pushed branch, without {@code refs/heads/}
 * @param deliveryId  the delivery that brought it first
 */
public record CommitRow(String sha, String repo, String authorLogin, String authorName, String message,
        Instant committedAt, String branch, boolean bot, String deliveryId) {
}
