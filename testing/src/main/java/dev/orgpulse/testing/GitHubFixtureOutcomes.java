package dev.orgpulse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What folding each GitHub fixture must come to: how many files of each event type are folded; every
 * other file of the type (and every file of a type not listed) is ignored. None is ever a dead letter.
 */
public final class GitHubFixtureOutcomes {

    /** Folded files per event type, with the actions that fold in a comment; the rest of each type is ignored. */
    public static final Map<String, Integer> FOLDED = Map.ofEntries(
            Map.entry("push", 6), // all: commits, tag deletions, new branches
            // closed 2, converted_to_draft 3, labeled 2, opened 3, ready_for_review 3, reopened 2,
            // review_request_removed 1, review_requested 1, synchronize 1, unlabeled 2; not assigned, locked, ...
            Map.entry("pull_request", 20),
            Map.entry("pull_request_review", 3), // submitted 2, dismissed 1
            Map.entry("pull_request_review_comment", 2), // created; not edited, deleted
            Map.entry("issue_comment", 4), // created; not edited, deleted
            Map.entry("issues", 5), // opened 4, reopened 1; not labeled, assigned, ...
            Map.entry("create", 4),
            Map.entry("delete", 3),
            Map.entry("release", 8), // created 3, published 2, prereleased 2, released 1; not edited, deleted
            Map.entry("workflow_run", 4),
            Map.entry("workflow_job", 7),
            Map.entry("check_run", 8),
            Map.entry("deployment", 3),
            Map.entry("deployment_status", 3),
            Map.entry("repository", 12),
            Map.entry("member", 3),
            Map.entry("membership", 4),
            Map.entry("organization", 4));

    private GitHubFixtureOutcomes() {
    }

    /** Every event type with fixtures (the folder names). */
    public static List<String> eventTypes() {
        try (Stream<Path> folders = Files.list(Fixtures.root().resolve("github-webhooks"))) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int folded(String eventType) {
        return FOLDED.getOrDefault(eventType, 0);
    }

    public static int ignored(String eventType) {
        return Fixtures.githubFiles(eventType).size() - folded(eventType);
    }
}
