package dev.orgpulse.projector.fold;

import java.time.Instant;

/**
 * A repository as one delivery pictures it; the stored row is the picture with the greatest {@link #revision()}.
 *
 * @param sizeKb GitHub's size of the repository in kilobytes, as this picture tells it
 * @param source how much this picture is to be believed against another one of the same time
 */
public record RepositoryRow(long id, String fullName, String owner, String language, Long sizeKb,
        String defaultBranch, boolean archived, boolean isPrivate, boolean deleted, Instant createdAt, Instant asOf,
        Source source) {

    /** In order of precedence at equal {@code asOf}. */
    public enum Source {
        /** The {@code repository} object every repository event carries. */
        CARRIED,
        /** A {@code repository} event: renamed, archived, transferred, ... */
        OWN_EVENT,
        /** Nothing comes after a deletion. */
        DELETED
    }

    /** The newest picture wins, so a rename is followed whichever partition its events were folded from first. */
    public String revision() {
        return Revision.byTime(asOf, source.ordinal(), this);
    }
}
