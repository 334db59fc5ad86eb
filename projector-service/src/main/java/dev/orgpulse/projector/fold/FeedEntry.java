package dev.orgpulse.projector.fold;

import java.time.Instant;

/**
 * One line of the activity feed to write.
 *
 * @param naturalKey what makes the same fact arriving twice one row ({@code commit:<sha>},
 *                   {@code review:<review id>}, ...): built from GitHub's stable ids, never from names, so a renamed
 *                   repository's facts keep their keys
 * @param dev        the login of who did it
 * @param repoId     the repository's stable id ({@code repository.id}); the name shown is resolved through it
 * @param repo       the repository's name as the delivery gave it
 * @param bot        whether {@code dev} is a bot
 */
public record FeedEntry(String naturalKey, Instant occurredAt, FeedKind kind, String dev, long repoId, String repo,
        String message, boolean bot) {

    public boolean activity() {
        return kind.activity();
    }
}
