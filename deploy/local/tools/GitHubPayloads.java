package tools;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.GitHubOrg.Person;
import tools.GitHubOrg.Repo;

/**
 * GitHub's payloads for an organisation ({@code push}, {@code create}, {@code pull_request},
 * {@code pull_request_review}, {@code pull_request_review_comment}, {@code issues}, {@code issue_comment},
 * {@code workflow_run}, {@code workflow_job}, {@code release}), shaped like the fixtures under testing/fixtures/github-webhooks. Incidental details (tree
 * shas, comment counts, diff lines) come from the given random.
 */
final class GitHubPayloads {

    /** The committer of a merge made on github.com. */
    static final Map<String, Object> WEB_FLOW = Collections.unmodifiableMap(
            object("name", "GitHub", "email", "noreply@github.com", "username", "web-flow"));

    /** The workflow every repository runs on pushes to main and on pull requests. */
    private static final String WORKFLOW = "CI";
    private static final String WORKFLOW_PATH = ".github/workflows/ci.yml";

    /** The facts a pull_request payload is made from. */
    record PullRequest(String repo, int number, String author, String title, String branch, String headSha,
            Instant createdAt, boolean draft, int commits, int additions, int deletions, int changedFiles) {

        /** The pull request after its author pushed commits (headSha the newest) changing lines of files. */
        PullRequest pushed(String newHead, int newCommits, int added, int deleted, int files) {
            return new PullRequest(repo, number, author, title, branch, newHead, createdAt, draft, commits + newCommits,
                    additions + added, deletions + deleted, Math.max(changedFiles, files));
        }
    }

    /** The facts an issues payload is made from; label ("bug", "enhancement") may be null. */
    record Issue(String repo, int number, String author, String title, String label, Instant createdAt) {
    }

    /**
     * The facts a workflow_run payload is made from: one attempt of the CI workflow, triggered by a push (to main)
     * or a pull request (its number, else 0) whose head is headSha; title is what GitHub shows for it.
     */
    record WorkflowRun(String repo, long id, int number, String event, String branch, String headSha, String actor,
            int pullRequest, String title, Instant createdAt) {
    }

    private final GitHubOrg org;
    private final Random random;

    GitHubPayloads(GitHubOrg org, Random random) {
        this.org = org;
        this.random = random;
    }

    /** A new random commit sha. */
    String sha() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A push of commits (each from {@link #commit}, the last the new head) to a branch whose head was before. */
    Map<String, Object> push(Repo repo, String branch, String before, List<Map<String, Object>> commits, Person pusher,
            long openIssues) {
        Map<String, Object> head = commits.get(commits.size() - 1);
        String after = (String) head.get("id");
        boolean created = before.equals("0".repeat(40));
        return object(
                "ref", "refs/heads/" + branch,
                "before", before,
                "after", after,
                "repository", repository(repo, true, openIssues),
                "pusher", object("name", pusher.login(), "email", pusher.email()),
                "organization", organization(),
                "sender", user(pusher),
                "created", created,
                "deleted", false,
                "forced", false,
                "base_ref", null,
                "compare", created ? repo.html() + "/commit/" + after
                        : repo.html() + "/compare/" + before.substring(0, 12) + "..." + after.substring(0, 12),
                "commits", commits,
                "head_commit", head);
    }

    Map<String, Object> commit(Repo repo, String sha, String message, Instant at, Person author,
            Map<String, Object> committer, List<String> added, List<String> modified) {
        return object(
                "id", sha,
                "tree_id", sha(),
                "distinct", true,
                "message", message,
                "timestamp", OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), author.zone())
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "url", repo.html() + "/commit/" + sha,
                "author", identity(author),
                "committer", committer,
                "added", added,
                "removed", List.of(),
                "modified", modified);
    }

    /** A commit's author or committer. */
    static Map<String, Object> identity(Person person) {
        return object("name", person.name(), "email", person.email(), "username", person.login());
    }

    /**
     * A pull request {@code opened} or {@code closed} (merged when mergeSha is given) by sender. An open one asks
     * reviewer for a review; base is the head of main.
     */
    Map<String, Object> pullRequest(String action, Repo repo, PullRequest pr, Person author, Person sender,
            Person reviewer, String base, Instant closedAt, String mergeSha) {
        return event(action, repo, sender, "number", pr.number(), "pull_request",
                fullPull(repo, pr, author, sender, reviewer, base, closedAt == null ? pr.createdAt() : closedAt,
                        closedAt, mergeSha));
    }

    /** New commits pushed to an open pull request's branch by its author: the head moved from before to pr.headSha. */
    Map<String, Object> synchronize(Repo repo, PullRequest pr, Person author, String before, String base, Instant at) {
        return event("synchronize", repo, author, "number", pr.number(),
                "pull_request", fullPull(repo, pr, author, author, null, base, at, null, null),
                "before", before, "after", pr.headSha());
    }

    /** A review of an open pull request submitted: state approved, changes_requested or commented; body may be null. */
    Map<String, Object> review(Repo repo, PullRequest pr, Person author, String base, Person reviewer, long reviewId,
            String state, String body, Instant at) {
        String html = pullHtml(repo, pr) + "#pullrequestreview-" + reviewId;
        Map<String, Object> review = object(
                "id", reviewId,
                "node_id", nodeId("PullRequestReview", reviewId),
                "user", user(reviewer),
                "body", body,
                "commit_id", pr.headSha(),
                "submitted_at", at.toString(),
                "state", state,
                "html_url", html,
                "pull_request_url", pullApi(repo, pr),
                "author_association", association(reviewer),
                "_links", object("html", object("href", html), "pull_request", object("href", pullApi(repo, pr))));
        return event("submitted", repo, reviewer, "review", review,
                "pull_request", pull(repo, pr, author, null, base, at, null, null));
    }

    /** A comment on a line of an open pull request's diff, made in the review reviewId. */
    Map<String, Object> reviewComment(Repo repo, PullRequest pr, Person author, String base, Person commenter,
            long reviewId, long commentId, String body, Instant at) {
        String self = "https://api.github.com/repos/" + repo.fullName() + "/pulls/comments/" + commentId;
        String html = pullHtml(repo, pr) + "#discussion_r" + commentId;
        int line = 5 + random.nextInt(200);
        Map<String, Object> comment = object(
                "url", self,
                "pull_request_review_id", reviewId,
                "id", commentId,
                "node_id", nodeId("PullRequestReviewComment", commentId),
                "diff_hunk", "@@ -" + line + ",6 +" + line + ",8 @@",
                "path", repo.files().get(random.nextInt(repo.files().size())),
                "position", 4, "original_position", 4,
                "commit_id", pr.headSha(), "original_commit_id", pr.headSha(),
                "user", user(commenter),
                "body", body,
                "created_at", at.toString(), "updated_at", at.toString(),
                "html_url", html,
                "pull_request_url", pullApi(repo, pr),
                "author_association", association(commenter),
                "_links", object("self", object("href", self), "html", object("href", html),
                        "pull_request", object("href", pullApi(repo, pr))),
                "reactions", reactions(self),
                "start_line", null, "original_start_line", null, "start_side", null,
                "line", line + 3, "original_line", line + 3, "side", "RIGHT");
        return event("created", repo, commenter, "comment", comment,
                "pull_request", pull(repo, pr, author, null, base, at, null, null));
    }

    /** An issue {@code opened} or {@code closed} (at that time) by sender. */
    Map<String, Object> issue(String action, Repo repo, Issue issue, Person author, Person sender, Instant at) {
        Instant closedAt = action.equals("closed") ? at : null;
        return event(action, repo, sender, "issue", issueObject(repo, issue, author, at, closedAt));
    }

    /** A comment in the conversation of an open issue. */
    Map<String, Object> issueComment(Repo repo, Issue issue, Person author, Person commenter, long commentId,
            String body, Instant at) {
        return issueComment(repo, issueObject(repo, issue, author, at, null), commenter, commentId, body, at);
    }

    /** A comment in the conversation of an open pull request: GitHub sends it as a comment on the pull request's issue. */
    Map<String, Object> issueComment(Repo repo, PullRequest pr, Person author, Person commenter, long commentId,
            String body, Instant at) {
        String html = pullHtml(repo, pr);
        Map<String, Object> issue = issueObject(repo, new Issue(pr.repo(), pr.number(), pr.author(), pr.title(), null,
                pr.createdAt()), author, at, null);
        issue.put("labels", labels(repo, pr, author));
        issue.put("body", body(pr, author));
        issue.put("draft", pr.draft());
        issue.put("pull_request", object("url", pullApi(repo, pr), "html_url", html, "diff_url", html + ".diff",
                "patch_url", html + ".patch"));
        return issueComment(repo, issue, commenter, commentId, body, at);
    }

    /** A branch created (pushed for the first time) by sender. */
    Map<String, Object> createBranch(Repo repo, String branch, Person sender) {
        return event(null, repo, sender, "ref", branch, "ref_type", "branch", "master_branch", "main",
                "description", null, "pusher_type", "user");
    }

    /**
     * The workflow run's {@code requested} (queued), {@code in_progress} or {@code completed} (with conclusion)
     * delivery at a time; base is the head of main, for a pull request's run.
     */
    Map<String, Object> workflowRun(String action, Repo repo, WorkflowRun run, Person actor, String base,
            Instant startedAt, String conclusion, Instant at) {
        String api = "https://api.github.com/repos/" + repo.fullName();
        String self = api + "/actions/runs/" + run.id();
        long workflowId = GitHubOrg.stableId("workflow:" + repo.fullName() + ":" + WORKFLOW_PATH, 50_000_000);
        long suiteId = GitHubOrg.stableId("check-suite:" + run.id(), 10_000_000_000L);
        String workflowUrl = api + "/actions/workflows/" + workflowId;
        Instant workflowCreated = Instant.parse("2023-01-09T10:00:00Z").plus(repo.id() % 300, ChronoUnit.DAYS);
        Map<String, Object> workflow = object(
                "badge_url", repo.html() + "/workflows/" + WORKFLOW + "/badge.svg",
                "created_at", workflowCreated.toString(),
                "html_url", repo.html() + "/blob/main/" + WORKFLOW_PATH,
                "id", workflowId,
                "name", WORKFLOW,
                "node_id", nodeId("Workflow", workflowId),
                "path", WORKFLOW_PATH,
                "state", "active",
                "updated_at", workflowCreated.toString(),
                "url", workflowUrl);
        Map<String, Object> email = object("name", actor.name(), "email", actor.email());
        Map<String, Object> workflowRun = object(
                "name", WORKFLOW,
                "artifacts_url", self + "/artifacts",
                "cancel_url", self + "/cancel",
                "check_suite_url", api + "/check-suites/" + suiteId,
                "check_suite_id", suiteId,
                "check_suite_node_id", nodeId("CheckSuite", suiteId),
                "conclusion", conclusion,
                "created_at", run.createdAt().toString(),
                "event", run.event(),
                "head_branch", run.branch(),
                "head_commit", object("id", run.headSha(), "tree_id", sha(), "message", run.title(),
                        "timestamp", run.createdAt().toString(), "author", email, "committer", email),
                "head_repository", repository(repo, false, 0),
                "head_sha", run.headSha(),
                "path", WORKFLOW_PATH,
                "display_title", run.title(),
                "html_url", repo.html() + "/actions/runs/" + run.id(),
                "id", run.id(),
                "jobs_url", self + "/jobs",
                "logs_url", self + "/logs",
                "node_id", nodeId("WorkflowRun", run.id()),
                "pull_requests", run.pullRequest() == 0 ? List.of() : List.of(object(
                        "url", api + "/pulls/" + run.pullRequest(),
                        "id", pullRequestId(repo, run.pullRequest()),
                        "number", run.pullRequest(),
                        "head", object("ref", run.branch(), "sha", run.headSha(), "repo", repositoryRef(repo)),
                        "base", object("ref", "main", "sha", base, "repo", repositoryRef(repo)))),
                "repository", repository(repo, false, 0),
                "rerun_url", self + "/rerun",
                "run_number", run.number(),
                "run_attempt", 1,
                "run_started_at", startedAt.toString(),
                "previous_attempt_url", null,
                "status", switch (action) {
                    case "requested" -> "queued";
                    case "in_progress" -> "in_progress";
                    default -> "completed";
                },
                "updated_at", at.toString(),
                "url", self,
                "workflow_id", workflowId,
                "workflow_url", workflowUrl,
                "actor", user(actor),
                "triggering_actor", user(actor));
        return event(action, repo, actor, "workflow", workflow, "workflow_run", workflowRun);
    }

    /** The run's one job ({@code build}) queued, in progress or completed (with conclusion), on a hosted runner. */
    Map<String, Object> workflowJob(String action, Repo repo, WorkflowRun run, Person actor, Instant startedAt,
            String conclusion, Instant at) {
        long jobId = GitHubOrg.stableId("job:" + run.id(), 10_000_000_000L);
        String api = "https://api.github.com/repos/" + repo.fullName();
        boolean completed = action.equals("completed");
        Map<String, Object> job = object(
                "id", jobId,
                "run_id", run.id(),
                "workflow_name", WORKFLOW,
                "head_branch", run.branch(),
                "run_url", api + "/actions/runs/" + run.id(),
                "run_attempt", 1,
                "node_id", nodeId("CheckRun", jobId),
                "head_sha", run.headSha(),
                "url", api + "/actions/jobs/" + jobId,
                "html_url", repo.html() + "/actions/runs/" + run.id() + "/job/" + jobId,
                "status", action,
                "conclusion", conclusion,
                "created_at", run.createdAt().toString(),
                "started_at", startedAt.toString(),
                "completed_at", completed ? at.toString() : null,
                "name", "build",
                "steps", List.of(
                        object("name", "Set up job", "status", "completed", "conclusion", "success", "number", 1),
                        object("name", "Build and test", "status", completed ? "completed" : "in_progress",
                                "conclusion", conclusion, "number", 2)),
                "check_run_url", api + "/check-runs/" + jobId,
                "labels", List.of("ubuntu-latest"),
                "runner_id", action.equals("queued") ? null : 1 + random.nextInt(20),
                "runner_name", action.equals("queued") ? null : "GitHub Actions " + (1 + random.nextInt(20)),
                "runner_group_id", action.equals("queued") ? null : 2,
                "runner_group_name", action.equals("queued") ? null : "GitHub Actions");
        return event(action, repo, actor, "workflow_job", job);
    }

    /** A release of tag published now by author, from the head of main. */
    Map<String, Object> release(Repo repo, String tag, Person author, Instant at) {
        long releaseId = GitHubOrg.stableId("release:" + repo.fullName() + ":" + tag, 100_000_000);
        String api = "https://api.github.com/repos/" + repo.fullName() + "/releases/" + releaseId;
        Map<String, Object> release = object(
                "url", api,
                "assets_url", api + "/assets",
                "upload_url", "https://uploads.github.com/repos/" + repo.fullName() + "/releases/" + releaseId
                        + "/assets{?name,label}",
                "html_url", repo.html() + "/releases/tag/" + tag,
                "id", releaseId,
                "author", user(author),
                "node_id", nodeId("Release", releaseId),
                "tag_name", tag,
                "target_commitish", "main",
                "name", tag,
                "draft", false,
                "prerelease", false,
                "created_at", at.toString(),
                "published_at", at.toString(),
                "assets", List.of(),
                "tarball_url", "https://api.github.com/repos/" + repo.fullName() + "/tarball/" + tag,
                "zipball_url", "https://api.github.com/repos/" + repo.fullName() + "/zipball/" + tag,
                "body", "## What's changed\n\nSee the merged pull requests since the last release.");
        return event("published", repo, author, "release", release);
    }

    /**
     * The payload of an event about a repository: the action (none when null), the fields given, then the
     * repository, the organisation and the sender, as GitHub orders them.
     */
    private Map<String, Object> event(String action, Repo repo, Person sender, Object... fields) {
        Map<String, Object> payload = action == null ? new LinkedHashMap<>() : object("action", action);
        payload.putAll(object(fields));
        payload.put("repository", repository(repo, false, 0));
        payload.put("organization", organization());
        payload.put("sender", user(sender));
        return payload;
    }

    /**
     * The pull request as a pull_request event pictures it: {@link #pull} with its size and merge state (merged by
     * sender when mergeSha is given).
     */
    private Map<String, Object> fullPull(Repo repo, PullRequest pr, Person author, Person sender, Person reviewer,
            String base, Instant updatedAt, Instant closedAt, String mergeSha) {
        boolean merged = mergeSha != null;
        Map<String, Object> pull = pull(repo, pr, author, reviewer, base, updatedAt, closedAt, mergeSha);
        pull.putAll(object(
                "merged", merged,
                "mergeable", closedAt == null ? null : merged ? null : Boolean.TRUE,
                "rebaseable", closedAt == null ? null : Boolean.FALSE,
                "mergeable_state", closedAt == null ? "unknown" : merged ? "unknown" : "clean",
                "merged_by", merged ? user(sender) : null,
                "comments", closedAt == null ? 0 : random.nextInt(6),
                "review_comments", closedAt == null ? 0 : random.nextInt(9),
                "maintainer_can_modify", false,
                "commits", pr.commits(),
                "additions", pr.additions(),
                "deletions", pr.deletions(),
                "changed_files", pr.changedFiles()));
        return pull;
    }

    /**
     * The pull request as reviews and comments carry it. Open ones (closedAt null) ask reviewer, when given, for a
     * review; a closed one is merged when mergeSha is given.
     */
    private Map<String, Object> pull(Repo repo, PullRequest pr, Person author, Person reviewer, String base,
            Instant updatedAt, Instant closedAt, String mergeSha) {
        String api = "https://api.github.com/repos/" + repo.fullName();
        String html = pullHtml(repo, pr);
        String self = pullApi(repo, pr);
        String issue = api + "/issues/" + pr.number();
        long prId = pullRequestId(repo, pr.number());
        return object(
                "url", self,
                "id", prId,
                "node_id", nodeId("PullRequest", prId),
                "html_url", html,
                "diff_url", html + ".diff",
                "patch_url", html + ".patch",
                "issue_url", issue,
                "number", pr.number(),
                "state", closedAt == null ? "open" : "closed",
                "locked", false,
                "title", pr.title(),
                "user", user(author),
                "body", body(pr, author),
                "created_at", pr.createdAt().toString(),
                "updated_at", updatedAt.toString(),
                "closed_at", closedAt == null ? null : closedAt.toString(),
                "merged_at", mergeSha != null ? closedAt.toString() : null,
                "merge_commit_sha", closedAt == null ? null : mergeSha != null ? mergeSha : sha(),
                "assignee", null,
                "assignees", List.of(),
                "requested_reviewers", closedAt == null && reviewer != null ? List.of(user(reviewer)) : List.of(),
                "requested_teams", List.of(),
                "labels", labels(repo, pr, author),
                "milestone", null,
                "draft", pr.draft(),
                "commits_url", self + "/commits",
                "review_comments_url", self + "/comments",
                "review_comment_url", api + "/pulls/comments{/number}",
                "comments_url", issue + "/comments",
                "statuses_url", api + "/statuses/" + pr.headSha(),
                "head", object("label", org.name() + ":" + pr.branch(), "ref", pr.branch(), "sha", pr.headSha(),
                        "user", user(author), "repo", repository(repo, false, 0)),
                "base", object("label", org.name() + ":main", "ref", "main", "sha", base,
                        "user", organisationAsUser(), "repo", repository(repo, false, 0)),
                "_links", object(
                        "self", object("href", self),
                        "html", object("href", html),
                        "issue", object("href", issue),
                        "comments", object("href", issue + "/comments"),
                        "review_comments", object("href", self + "/comments"),
                        "review_comment", object("href", api + "/pulls/comments{/number}"),
                        "commits", object("href", self + "/commits"),
                        "statuses", object("href", api + "/statuses/" + pr.headSha())),
                "author_association", association(author),
                "auto_merge", null,
                "active_lock_reason", null);
    }

    private static String pullHtml(Repo repo, PullRequest pr) {
        return repo.html() + "/pull/" + pr.number();
    }

    private static String pullApi(Repo repo, PullRequest pr) {
        return "https://api.github.com/repos/" + repo.fullName() + "/pulls/" + pr.number();
    }

    private static long pullRequestId(Repo repo, int number) {
        return GitHubOrg.stableId("pr:" + repo.fullName() + "#" + number, 1_000_000_000);
    }

    private static String body(PullRequest pr, Person author) {
        return author.bot() ? "Bumps the dependency to a newer version.\n\nDependabot will resolve any"
                + " conflicts with this PR as long as you don't alter it yourself."
                : "This changes " + pr.title().replaceFirst("^[a-z]+: ", "") + ".\n\n- [x] tests added";
    }

    private static List<Object> labels(Repo repo, PullRequest pr, Person author) {
        return author.bot() ? List.of(label(repo, "dependencies", "0366d6"))
                : pr.title().startsWith("fix") ? List.of(label(repo, "bug", "d73a4a")) : List.of();
    }

    /**
     * An issue (or, with the pull request's additions, a pull request's issue) as of a time: open, or closed at
     * closedAt.
     */
    private Map<String, Object> issueObject(Repo repo, Issue issue, Person author, Instant at, Instant closedAt) {
        String self = "https://api.github.com/repos/" + repo.fullName() + "/issues/" + issue.number();
        long issueId = GitHubOrg.stableId("issue:" + repo.fullName() + "#" + issue.number(), 2_000_000_000);
        return object(
                "url", self,
                "repository_url", "https://api.github.com/repos/" + repo.fullName(),
                "labels_url", self + "/labels{/name}",
                "comments_url", self + "/comments",
                "events_url", self + "/events",
                "html_url", repo.html() + "/issues/" + issue.number(),
                "id", issueId,
                "node_id", nodeId("Issue", issueId),
                "number", issue.number(),
                "title", issue.title(),
                "user", user(author),
                "labels", issue.label() == null ? List.of()
                        : List.of(label(repo, issue.label(), issue.label().equals("bug") ? "d73a4a" : "a2eeef")),
                "state", closedAt == null ? "open" : "closed",
                "locked", false,
                "assignee", null,
                "assignees", List.of(),
                "milestone", null,
                "comments", at.equals(issue.createdAt()) ? 0 : 1 + random.nextInt(4),
                "created_at", issue.createdAt().toString(),
                "updated_at", at.toString(),
                "closed_at", closedAt == null ? null : closedAt.toString(),
                "author_association", association(author),
                "active_lock_reason", null,
                "body", "Seen on " + repo.name() + " at main. Steps, logs and what was expected are below.",
                "reactions", reactions(self),
                "draft", false);
    }

    private Map<String, Object> issueComment(Repo repo, Map<String, Object> issue, Person commenter, long commentId,
            String body, Instant at) {
        String self = "https://api.github.com/repos/" + repo.fullName() + "/issues/comments/" + commentId;
        Map<String, Object> comment = object(
                "url", self,
                "html_url", issue.get("html_url") + "#issuecomment-" + commentId,
                "issue_url", issue.get("url"),
                "id", commentId,
                "node_id", nodeId("IssueComment", commentId),
                "user", user(commenter),
                "created_at", at.toString(),
                "updated_at", at.toString(),
                "author_association", association(commenter),
                "performed_via_github_app", null,
                "body", body,
                "reactions", reactions(self));
        return event("created", repo, commenter, "issue", issue, "comment", comment);
    }

    private static Map<String, Object> reactions(String subject) {
        return object("url", subject + "/reactions", "total_count", 0, "+1", 0, "-1", 0, "laugh", 0, "hooray", 0,
                "confused", 0, "heart", 0, "rocket", 0, "eyes", 0);
    }

    /** A repository as a workflow run's pull requests name it. */
    private static Map<String, Object> repositoryRef(Repo repo) {
        return object("id", repo.id(), "url", "https://api.github.com/repos/" + repo.fullName(), "name", repo.name());
    }

    private static String association(Person person) {
        return person.bot() ? "CONTRIBUTOR" : "MEMBER";
    }

    /** A push payload's repository has the owner's name and email and epoch-second timestamps. */
    private Map<String, Object> repository(Repo repo, boolean pushStyle, long openIssues) {
        String api = "https://api.github.com/repos/" + repo.fullName();
        Instant created = Instant.parse("2021-03-01T09:00:00Z").plus(repo.id() % 900, ChronoUnit.DAYS);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> owner = organisationAsUser();
        if (pushStyle) {
            owner = object("name", org.name(), "email", null);
            owner.putAll(organisationAsUser());
        }
        Map<String, Object> repository = object(
                "id", repo.id(),
                "node_id", nodeId("Repository", repo.id()),
                "name", repo.name(),
                "full_name", repo.fullName(),
                "private", true,
                "owner", owner,
                "html_url", repo.html(),
                "description", null,
                "fork", false,
                "url", pushStyle ? repo.html() : api,
                "pulls_url", api + "/pulls{/number}",
                "commits_url", api + "/commits{/sha}",
                "created_at", pushStyle ? (Object) created.getEpochSecond() : created.toString(),
                "updated_at", now.minus(1, ChronoUnit.DAYS).toString(),
                "pushed_at", pushStyle ? (Object) now.getEpochSecond() : now.toString(),
                "git_url", "git://github.com/" + repo.fullName() + ".git",
                "ssh_url", "git@github.com:" + repo.fullName() + ".git",
                "clone_url", repo.html() + ".git",
                "homepage", null,
                "size", 1_000 + repo.id() % 50_000,
                "stargazers_count", repo.id() % 40,
                "watchers_count", repo.id() % 40,
                "language", repo.language(),
                "has_issues", true,
                "has_projects", false,
                "has_wiki", false,
                "forks_count", 0,
                "archived", false,
                "disabled", false,
                "open_issues_count", openIssues,
                "license", null,
                "allow_forking", false,
                "is_template", false,
                "topics", List.of(),
                "visibility", "private",
                "default_branch", "main");
        if (pushStyle) {
            repository.put("stargazers", repo.id() % 40);
            repository.put("master_branch", "main");
            repository.put("organization", org.name());
        }
        return repository;
    }

    private static Map<String, Object> user(Person person) {
        return person.bot()
                ? account(person.login(), person.id(), "Bot", "in/29110", "https://github.com/apps/dependabot")
                : account(person.login(), person.id(), "User", "u/" + person.id(), "https://github.com/" + person.login());
    }

    private Map<String, Object> organisationAsUser() {
        return account(org.name(), org.id(), "Organization", "u/" + org.id(), "https://github.com/" + org.name());
    }

    /** An account as payloads show a user, a bot, or the organisation as a repository's owner. */
    private static Map<String, Object> account(String login, long id, String type, String avatar, String html) {
        String api = "https://api.github.com/users/" + login;
        return object(
                "login", login,
                "id", id,
                "node_id", nodeId(type, id),
                "avatar_url", "https://avatars.githubusercontent.com/" + avatar + "?v=4",
                "gravatar_id", "",
                "url", api,
                "html_url", html,
                "followers_url", api + "/followers",
                "repos_url", api + "/repos",
                "events_url", api + "/events{/privacy}",
                "type", type,
                "user_view_type", "public",
                "site_admin", false);
    }

    private Map<String, Object> organization() {
        String api = "https://api.github.com/orgs/" + org.name();
        return object(
                "login", org.name(),
                "id", org.id(),
                "node_id", nodeId("Organization", org.id()),
                "url", api,
                "repos_url", api + "/repos",
                "events_url", api + "/events",
                "hooks_url", api + "/hooks",
                "issues_url", api + "/issues",
                "members_url", api + "/members{/member}",
                "public_members_url", api + "/public_members{/member}",
                "avatar_url", "https://avatars.githubusercontent.com/u/" + org.id() + "?v=4",
                "description", "");
    }

    private static Map<String, Object> label(Repo repo, String name, String color) {
        long labelId = GitHubOrg.stableId("label:" + repo.fullName() + ":" + name, 1_000_000_000);
        return object("id", labelId, "node_id", nodeId("Label", labelId),
                "url", "https://api.github.com/repos/" + repo.fullName() + "/labels/" + name,
                "name", name, "color", color, "default", name.equals("bug"), "description", null);
    }

    /** GitHub's (legacy) global node id: base64 of "0", the type name's length, ":", the type name and the id. */
    private static String nodeId(String type, long id) {
        return Base64.getEncoder().encodeToString(("0" + type.length() + ":" + type + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** An insertion-ordered JSON object from alternating keys and values. */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
