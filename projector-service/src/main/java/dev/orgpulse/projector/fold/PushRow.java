package dev.orgpulse.projector.fold;

import java.time.Instant;

/**
 * One push: a ref moved from {@code before} to {@code after}, which identifies it whichever delivery brings it.
 *
 * @param refType         {@code branch}, {@code tag} or {@code other}
 * @param refName         the ref without {@code refs/heads/} or {@code refs/tags/}
 * @param pusher          who pushed (the sender's login, else the pusher's name)
 * @param onDefaultBranch whether it moved the default branch
 * @param commits         the distinct commits it brought (none for tags and deletions)
 */
public record PushRow(long repoId, String repo, String ref, String refType, String refName, String before,
        String after, String pusher, boolean bot, boolean created, boolean deleted, boolean forced,
        boolean onDefaultBranch, int commits, Instant pushedAt, String deliveryId) {
}
