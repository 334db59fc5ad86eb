package dev.orgpulse.ingest.completion;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A push whose payload does not hold all its commits: GitHub lists at most {@value #MAX_COMMITS} in a push payload
 * and leaves commits out of very large pushes, so the listed commits stop short of {@code after}. The missing ones
 * are those of the compare {@code base...after} that the payload does not list.
 *
 * @param base where the compare starts: the last listed commit when the list stops short of {@code after}; else
 *        {@code before} (the default branch for a new branch), for a full list may miss older commits
 * @param listed the shas the payload holds
 */
record TruncatedPush(JsonNode repository, String ref, String base, String after, Set<String> listed) {

    static final int MAX_COMMITS = 2048;
    private static final String NO_COMMIT = "0000000000000000000000000000000000000000";

    static Optional<TruncatedPush> of(JsonNode push) {
        String ref = push.path("ref").asText();
        String after = push.path("after").asText();
        JsonNode commits = push.path("commits");
        if (!ref.startsWith("refs/heads/") || push.path("deleted").asBoolean(false) || NO_COMMIT.equals(after)
                || after.isEmpty() || !push.path("repository").isObject() || commits.size() == 0) {
            // a branch created at a commit it shares lists none: nothing says commits are missing
            return Optional.empty();
        }
        Set<String> listed = new HashSet<>();
        commits.forEach(commit -> listed.add(commit.path("id").asText()));
        String last = commits.get(commits.size() - 1).path("id").asText();
        if (!last.equals(after)) {
            return Optional.of(new TruncatedPush(push.path("repository"), ref, last, after, listed));
        }
        if (commits.size() < MAX_COMMITS) {
            return Optional.empty();
        }
        String before = push.path("before").asText();
        String base = NO_COMMIT.equals(before) ? push.path("repository").path("default_branch").asText() : before;
        return base.isEmpty() ? Optional.empty()
                : Optional.of(new TruncatedPush(push.path("repository"), ref, base, after, listed));
    }

    String comparePath() {
        return "/repos/" + repository.path("full_name").asText() + "/compare/" + base + "..." + after;
    }
}
