package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code repository} object of a payload. Its {@code id} stays when the repository is renamed or
 * transferred, so every read model keys repositories by it and shows the newest name.
 *
 * @param defaultBranch {@code null} when the payload does not say
 * @param sizeKb        GitHub's {@code size} of the repository, in kilobytes; {@code null} when the payload does not
 *                      say
 * @param asOf          when this picture of the repository was true: the later of its {@code updated_at} and
 *                      {@code pushed_at} (a rename changes the first, a push the second)
 */
record GitHubRepository(long id, String fullName, String owner, String language, Long sizeKb,
        String defaultBranch, boolean archived, boolean isPrivate, Instant createdAt, Instant asOf) {

    private static final String REPOSITORY = "/repository";

    static GitHubRepository required(JsonNode payload) {
        String fullName = PayloadFields.requiredText(payload, REPOSITORY + "/full_name");
        long id = PayloadFields.requiredLong(payload, REPOSITORY + "/id");
        JsonNode repository = payload.path("repository");
        return new GitHubRepository(id, fullName, PayloadFields.textAt(repository, "/owner/login"),
                PayloadFields.text(repository, "language"),
                repository.path("size").isIntegralNumber() ? repository.path("size").asLong() : null,
                PayloadFields.firstPresent(PayloadFields.text(repository, "default_branch"),
                        PayloadFields.text(repository, "master_branch")),
                repository.path("archived").asBoolean(false), repository.path("private").asBoolean(false),
                PayloadFields.instant(repository, "/created_at"),
                PayloadFields.latest(PayloadFields.instant(repository, "/updated_at"),
                        PayloadFields.instant(repository, "/pushed_at")));
    }

    /** The repository of an event that may be about an organisation instead. */
    static Optional<GitHubRepository> at(JsonNode payload) {
        return payload.path("repository").isObject() ? Optional.of(required(payload)) : Optional.empty();
    }

    /** Whether {@code branch} is the default branch; when the payload does not name one, every branch is. */
    boolean isDefaultBranch(String branch) {
        return defaultBranch == null || defaultBranch.equals(branch);
    }

    /** The repository as any event carrying it describes it. */
    RepositoryRow snapshot() {
        return new RepositoryRow(id, fullName, owner, language, sizeKb, defaultBranch, archived, isPrivate, false,
                createdAt, asOf, RepositoryRow.Source.CARRIED);
    }

    /** The repository as a {@code repository} event about it describes it: preferred over a carried picture. */
    RepositoryRow snapshotOfItsOwnEvent(boolean deleted) {
        return new RepositoryRow(id, fullName, owner, language, sizeKb, defaultBranch, archived, isPrivate, deleted,
                createdAt, asOf, deleted ? RepositoryRow.Source.DELETED : RepositoryRow.Source.OWN_EVENT);
    }
}
