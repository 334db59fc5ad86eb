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
 * GitHub's {@code push} and {@code pull_request} payloads for an organisation, shaped like the fixtures under
 * shared/fixtures/github-webhooks. Incidental details (tree shas, comment counts) come from the given random.
 */
final class GitHubPayloads {

    /** The committer of a merge made on github.com. */
    static final Map<String, Object> WEB_FLOW = Collections.unmodifiableMap(
            object("name", "GitHub", "email", "noreply@github.com", "username", "web-flow"));

    /** The facts a pull_request payload is made from. */
    record PullRequest(String repo, int number, String author, String title, String branch, String headSha,
            Instant createdAt, boolean draft, int commits, int additions, int deletions, int changedFiles) {
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
        boolean merged = mergeSha != null;
        String api = "https://api.github.com/repos/" + repo.fullName();
        String html = repo.html() + "/pull/" + pr.number();
        String self = api + "/pulls/" + pr.number();
        String issue = api + "/issues/" + pr.number();
        long prId = GitHubOrg.stableId("pr:" + repo.fullName() + "#" + pr.number(), 1_000_000_000);
        List<Object> labels = author.bot() ? List.of(label(repo, "dependencies", "0366d6"))
                : pr.title().startsWith("fix") ? List.of(label(repo, "bug", "d73a4a")) : List.of();
        Map<String, Object> pull = object(
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
                "body", author.bot() ? "Bumps the dependency to a newer version.\n\nDependabot will resolve any"
                        + " conflicts with this PR as long as you don't alter it yourself."
                        : "This changes " + pr.title().replaceFirst("^[a-z]+: ", "") + ".\n\n- [x] tests added",
                "created_at", pr.createdAt().toString(),
                "updated_at", (closedAt == null ? pr.createdAt() : closedAt).toString(),
                "closed_at", closedAt == null ? null : closedAt.toString(),
                "merged_at", merged ? closedAt.toString() : null,
                "merge_commit_sha", closedAt == null ? null : merged ? mergeSha : sha(),
                "assignee", null,
                "assignees", List.of(),
                "requested_reviewers", closedAt == null ? List.of(user(reviewer)) : List.of(),
                "requested_teams", List.of(),
                "labels", labels,
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
                "author_association", author.bot() ? "CONTRIBUTOR" : "MEMBER",
                "auto_merge", null,
                "active_lock_reason", null,
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
                "changed_files", pr.changedFiles());
        return object(
                "action", action,
                "number", pr.number(),
                "pull_request", pull,
                "repository", repository(repo, false, 0),
                "organization", organization(),
                "sender", user(sender));
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
