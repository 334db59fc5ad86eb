package dev.orgpulse.projector.fold;

import java.util.Set;

/**
 * The member names the GitHub folds read, wherever they are in a payload. A payload is parsed into a tree of these
 * only (see {@code GitHubPayloads.parse(byte[], String, Set)}): GitHub's objects are mostly hypermedia links and
 * copies of the repository and organisation, and building the whole tree was a third of the fold's time.
 * <p>
 * A fold that reads a member must find its name here: {@code EveryFixtureFoldTest} folds every fixture from the
 * whole payload and from the kept members and requires the same rows.
 */
final class FoldedMembers {

    static final Set<String> NAMES = Set.of(
            // the things an event is about
            "repository", "organization", "sender", "pull_request", "review", "comment", "issue", "release",
            "workflow_run", "workflow_job", "workflow", "check_run", "check_suite", "deployment", "deployment_status",
            "member", "membership", "invitation", "changes", "commits", "head_commit", "pusher", "app",
            // who
            "user", "login", "name", "email", "username", "avatar_url", "type", "author", "creator", "actor",
            "triggering_actor", "merged_by", "requested_reviewers", "requested_reviewer", "slug",
            // what
            "action", "id", "number", "title", "body", "state", "draft", "merged", "merged_at", "closed_at",
            "created_at", "updated_at", "pushed_at", "submitted_at", "published_at", "started_at", "completed_at",
            "run_started_at", "timestamp", "status", "conclusion", "event", "environment", "ref", "ref_type",
            "before", "after", "created", "deleted", "forced", "base", "head", "head_branch", "head_sha", "sha",
            "message", "labels", "additions", "deletions", "changed_files", "tag_name", "prerelease",
            "run_attempt", "run_number", "run_id", "workflow_id", "workflow_name", "runner_name", "path",
            "html_url", "full_name", "owner", "language", "size", "default_branch", "master_branch", "archived",
            "private", "from", "task", "added", "modified", "removed");

    private FoldedMembers() {
    }
}
