package dev.orgpulse.testing.github;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.orgpulse.eventlog.LogJson;

/**
 * A hand-made recent history of an organisation's repositories, served as GitHub's REST API answers it and, for
 * commits and pull requests, as its GraphQL API does ({@link GraphQlStandIn}) (the repository objects are
 * octokit/fixtures' recorded {@code get-repository} answer, renamed). Every repository had,
 * in the last days: two default-branch commits, a merged and an open pull request with one review each, an open and
 * a closed issue, a failed workflow run with one job, a release and a successful deployment: {@value #RECORDS_PER_REPOSITORY}
 * backfill records.
 */
public final class OrgHistory {

    /** Commits (one page), 3 pull request records, 2 reviews, 3 issue records, run, job, release, deployment, status. */
    public static final int RECORDS_PER_REPOSITORY = 14;
    public static final String RATE_LIMIT_REMAINING = "4321";
    private static final int GITHUB_PULL_REQUESTS_PER_PAGE = 100;

    private final String org;
    private final List<String> names;
    private final Instant now;
    private final int pullRequestsPerPage;

    /** @param names the repositories, listed on two pages */
    public OrgHistory(String org, List<String> names, Instant now) {
        this(org, names, now, GITHUB_PULL_REQUESTS_PER_PAGE);
    }

    private OrgHistory(String org, List<String> names, Instant now, int pullRequestsPerPage) {
        this.org = org;
        this.names = List.copyOf(names);
        this.now = now;
        this.pullRequestsPerPage = pullRequestsPerPage;
    }

    /** The same history whose GraphQL answers hold one pull request a page: the client follows cursors. */
    public OrgHistory pagingPullRequestsByOne() {
        return new OrgHistory(org, names, now, 1);
    }

    public List<String> fullNames() {
        return names.stream().map(name -> org + "/" + name).toList();
    }

    /** Unique across organisations, as GitHub's are: the ids of everything else derive from it. */
    public long repositoryId(String name) {
        return 1_000_000L + (org.hashCode() & 0xffff) * 100L + names.indexOf(name);
    }

    /** The sha of a repository's commits, {@code n} 0 or 1. */
    public String commitSha(String name, int n) {
        return String.format("%040x", repositoryId(name) * 10 + n);
    }

    public void serve(GitHubStandIn github) {
        WireMockServer server = github.server();
        List<JsonNode> repositories = names.stream().map(this::repository).toList();
        int half = (repositories.size() + 1) / 2;
        String repos = "/orgs/" + org + "/repos";
        server.stubFor(get(urlPathEqualTo(repos)).willReturn(answer(array(repositories.subList(0, half)))
                .withHeader("Link", "<" + server.baseUrl() + repos + "?type=all&per_page=100&page=2>; rel=\"next\"")));
        server.stubFor(get(urlPathEqualTo(repos)).withQueryParam("page", equalTo("2")).atPriority(1)
                .willReturn(answer(array(repositories.subList(half, repositories.size())))));
        for (JsonNode repository : repositories) {
            serve(github, repository);
        }
    }

    private void serve(GitHubStandIn github, JsonNode repository) {
        WireMockServer server = github.server();
        String name = repository.path("name").asText();
        String path = "/repos/" + org + "/" + name;
        long id = repositoryId(name);

        ObjectNode merged = pull(id, 1, "Add the cache", ago(60 * 24 * 3), ago(90));
        merged.put("state", "closed").put("closed_at", ago(90).toString()).put("merged_at", ago(90).toString())
                .put("merged", true).put("additions", 120).put("deletions", 7).put("changed_files", 4)
                .put("commits", 2).set("merged_by", user("lead-" + name, 9000 + id));
        github.graphQl().serve(org + "/" + name, new GraphQlStandIn.Repository("main",
                array(List.of(commitNode(commit(name, 1, ago(5))), commitNode(commit(name, 0, ago(30))))),
                array(List.of(pullNode(openPull(name), openPullReview(name)),
                        pullNode(merged, review(id * 10 + 1, "lead-" + name, "APPROVED", ago(100))))),
                pullRequestsPerPage));

        ObjectNode openIssue = issue(id * 10 + 1, 3, "Slow page", ago(60 * 20));
        ObjectNode closedIssue = issue(id * 10 + 2, 4, "Broken link", ago(60 * 30));
        closedIssue.put("state", "closed").put("closed_at", ago(60 * 2).toString())
                .set("closed_by", user("lead-" + name, 9000 + id));
        stub(server, get(urlPathEqualTo(path + "/issues")), array(List.of(openIssue, closedIssue)));

        long runId = id * 100;
        ObjectNode runs = LogJson.MAPPER.createObjectNode().put("total_count", 1);
        runs.putArray("workflow_runs").add(run(runId, name));
        stub(server, get(urlPathEqualTo(path + "/actions/runs")), runs);
        ObjectNode jobs = LogJson.MAPPER.createObjectNode().put("total_count", 1);
        jobs.putArray("jobs").add(job(runId, name));
        stub(server, get(urlPathEqualTo(path + "/actions/runs/" + runId + "/attempts/1/jobs")), jobs);

        stub(server, get(urlPathEqualTo(path + "/releases")), array(List.of(release(id, name))));
        ObjectNode deployment = deployment(id, name);
        stub(server, get(urlPathEqualTo(path + "/deployments")), array(List.of(deployment)));
        stub(server, get(urlPathEqualTo(path + "/deployments/" + id + "/statuses")),
                array(List.of(deploymentStatus(id, name))));
    }

    /**
     * What GitHub's webhooks told live of a repository's newest facts, as event type and payload: its newest commit
     * pushed to the default branch, its open pull request opened and that pull request's review submitted. These
     * are the very commit, pull request and review its API answers hold, so a backfill learns them a second time.
     */
    public Map<String, JsonNode> liveWebhooks(String name) {
        JsonNode repository = repository(name);
        ObjectNode commit = commit(name, 1, ago(5));
        ObjectNode pushed = LogJson.MAPPER.createObjectNode().put("id", commit.path("sha").asText())
                .put("message", commit.path("commit").path("message").asText())
                .put("timestamp", commit.path("commit").path("committer").path("date").asText())
                .put("url", commit.path("html_url").asText());
        pushed.putObject("author").put("name", "Dev " + name).put("email", "dev-" + name + "@example.com")
                .put("username", "dev-" + name);
        ObjectNode push = LogJson.MAPPER.createObjectNode().put("ref", "refs/heads/main")
                .put("before", commitSha(name, 0)).put("after", commitSha(name, 1)).put("created", false)
                .put("deleted", false).put("forced", false);
        push.set("repository", repository);
        push.putObject("pusher").put("name", "dev-" + name).put("email", "dev-" + name + "@example.com");
        push.set("sender", commit.path("author"));
        push.putArray("commits").add(pushed);
        push.set("head_commit", pushed);

        ObjectNode opened = LogJson.MAPPER.createObjectNode().put("action", "opened").put("number", 2);
        opened.set("pull_request", openPull(name));
        opened.set("repository", repository);
        opened.set("sender", openPull(name).path("user"));

        ObjectNode reviewed = LogJson.MAPPER.createObjectNode().put("action", "submitted");
        reviewed.set("review", openPullReview(name));
        reviewed.set("pull_request", openPull(name));
        reviewed.set("repository", repository);
        reviewed.set("sender", openPullReview(name).path("user"));

        Map<String, JsonNode> webhooks = new LinkedHashMap<>();
        webhooks.put("push", push);
        webhooks.put("pull_request", opened);
        webhooks.put("pull_request_review", reviewed);
        return webhooks;
    }

    private ObjectNode openPull(String name) {
        return pull(repositoryId(name), 2, "Draft the docs", ago(60 * 24), ago(40));
    }

    private ObjectNode openPullReview(String name) {
        return review(repositoryId(name) * 10 + 2, "peer-" + name, "CHANGES_REQUESTED", ago(50));
    }

    private static ObjectNode commitNode(JsonNode commit) {
        ObjectNode node = LogJson.MAPPER.createObjectNode().put("oid", commit.path("sha").asText())
                .put("url", commit.path("html_url").asText());
        node.set("message", commit.path("commit").path("message"));
        node.set("committedDate", commit.path("commit").path("committer").path("date"));
        ObjectNode author = node.putObject("author");
        author.set("name", commit.path("commit").path("author").path("name"));
        author.set("email", commit.path("commit").path("author").path("email"));
        author.putObject("user").set("login", commit.path("author").path("login"));
        return node;
    }

    /** A pull request of the REST API as GraphQL's {@code PullRequest}, with its reviews. */
    private static ObjectNode pullNode(JsonNode pull, JsonNode... reviews) {
        boolean merged = pull.path("merged").asBoolean(false);
        ObjectNode node = LogJson.MAPPER.createObjectNode().put("databaseId", pull.path("id").asLong())
                .put("number", pull.path("number").asInt()).put("title", pull.path("title").asText())
                .put("state", merged ? "MERGED" : pull.path("state").asText().toUpperCase())
                .put("isDraft", pull.path("draft").asBoolean()).put("merged", merged)
                .put("url", "https://github.com/pull/" + pull.path("id").asText())
                .put("additions", pull.path("additions").asInt()).put("deletions", pull.path("deletions").asInt())
                .put("changedFiles", pull.path("changed_files").asInt())
                .put("baseRefName", pull.path("base").path("ref").asText())
                .put("headRefName", pull.path("head").path("ref").asText());
        node.set("createdAt", pull.path("created_at"));
        node.set("updatedAt", pull.path("updated_at"));
        node.set("closedAt", pull.path("closed_at"));
        node.set("mergedAt", pull.path("merged_at"));
        node.set("author", actor(pull.path("user")));
        node.set("mergedBy", actor(pull.path("merged_by")));
        node.putObject("commits").put("totalCount", pull.path("commits").asInt());
        node.putObject("labels").putArray("nodes");
        node.putObject("reviewRequests").putArray("nodes");
        ObjectNode reviewConnection = node.putObject("reviews");
        reviewConnection.putObject("pageInfo").put("hasNextPage", false);
        ArrayNode reviewNodes = reviewConnection.putArray("nodes");
        for (JsonNode review : reviews) {
            ObjectNode reviewNode = reviewNodes.addObject().put("databaseId", review.path("id").asLong());
            reviewNode.set("state", review.path("state"));
            reviewNode.set("body", review.path("body"));
            reviewNode.set("submittedAt", review.path("submitted_at"));
            reviewNode.set("author", actor(review.path("user")));
        }
        return node;
    }

    private static JsonNode actor(JsonNode user) {
        if (!user.isObject()) {
            return LogJson.MAPPER.nullNode();
        }
        ObjectNode actor = LogJson.MAPPER.createObjectNode().put("__typename", user.path("type").asText("User"));
        actor.set("login", user.path("login"));
        actor.set("avatarUrl", user.path("avatar_url"));
        actor.set("databaseId", user.path("id"));
        return actor;
    }

    private static void stub(WireMockServer server, MappingBuilder request, JsonNode body) {
        server.stubFor(request.willReturn(answer(body)));
    }

    private static ResponseDefinitionBuilder answer(JsonNode body) {
        return okJson(body.toString()).withHeader("X-RateLimit-Limit", "5000")
                .withHeader("X-RateLimit-Remaining", RATE_LIMIT_REMAINING)
                .withHeader("X-RateLimit-Reset", String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond()));
    }

    private JsonNode repository(String name) {
        ObjectNode repository = (ObjectNode) OctokitFixtures.read("get-repository").get(0).path("response").deepCopy();
        long id = repositoryId(name);
        repository.put("id", id).put("name", name).put("full_name", org + "/" + name).put("default_branch", "main")
                .put("updated_at", ago(60 * 24 * 10).toString()).put("pushed_at", ago(5).toString());
        ((ObjectNode) repository.path("owner")).put("login", org);
        return repository;
    }

    private ObjectNode commit(String name, int n, Instant at) {
        ObjectNode commit = LogJson.MAPPER.createObjectNode().put("sha", commitSha(name, n))
                .put("html_url", "https://github.com/" + org + "/" + name + "/commit/" + commitSha(name, n));
        ObjectNode git = commit.putObject("commit").put("message", "Change " + n + " of " + name + "\n\nwhy");
        git.putObject("author").put("name", "Dev " + name).put("email", "dev-" + name + "@example.com")
                .put("date", at.toString());
        git.putObject("committer").put("name", "Dev " + name).put("email", "dev-" + name + "@example.com")
                .put("date", at.toString());
        commit.set("author", user("dev-" + name, 7000 + repositoryId(name)));
        return commit;
    }

    private ObjectNode pull(long repositoryId, int number, String title, Instant created, Instant updated) {
        ObjectNode pull = LogJson.MAPPER.createObjectNode().put("id", repositoryId * 10 + number).put("number", number)
                .put("state", "open").put("title", title).put("draft", false).put("created_at", created.toString())
                .put("updated_at", updated.toString()).putNull("closed_at").putNull("merged_at");
        pull.set("user", user("author-" + repositoryId, 8000 + repositoryId));
        pull.putObject("base").put("ref", "main");
        pull.putObject("head").put("ref", "feature-" + number);
        pull.putArray("labels");
        pull.putArray("requested_reviewers");
        return pull;
    }

    private ObjectNode review(long id, String login, String state, Instant at) {
        ObjectNode review = LogJson.MAPPER.createObjectNode().put("id", id).put("state", state)
                .put("body", "Looked at it").put("submitted_at", at.toString());
        review.set("user", user(login, 9500 + id));
        return review;
    }

    private ObjectNode issue(long id, int number, String title, Instant created) {
        ObjectNode issue = LogJson.MAPPER.createObjectNode().put("id", id).put("number", number).put("title", title)
                .put("state", "open").put("created_at", created.toString()).put("updated_at", ago(60).toString())
                .putNull("closed_at");
        issue.set("user", user("reporter-" + number, 6000 + number));
        return issue;
    }

    private ObjectNode run(long runId, String name) {
        ObjectNode run = LogJson.MAPPER.createObjectNode().put("id", runId).put("name", "CI").put("run_attempt", 1)
                .put("run_number", 12).put("event", "push").put("status", "completed").put("conclusion", "failure")
                .put("head_branch", "main").put("head_sha", commitSha(name, 1)).put("workflow_id", 42)
                .put("created_at", ago(5).toString()).put("run_started_at", ago(5).toString())
                .put("updated_at", ago(2).toString()).put("html_url", "https://github.com/" + org + "/" + name
                        + "/actions/runs/" + runId);
        run.set("actor", user("dev-" + name, 7000 + repositoryId(name)));
        run.set("triggering_actor", user("dev-" + name, 7000 + repositoryId(name)));
        return run;
    }

    private ObjectNode job(long runId, String name) {
        ObjectNode job = LogJson.MAPPER.createObjectNode().put("id", runId + 1).put("run_id", runId)
                .put("run_attempt", 1).put("workflow_name", "CI").put("name", "test").put("status", "completed")
                .put("conclusion", "failure").put("head_branch", "main").put("head_sha", commitSha(name, 1))
                .put("created_at", ago(5).toString()).put("started_at", ago(4).toString())
                .put("completed_at", ago(2).toString()).put("runner_name", "runner-1")
                .put("html_url", "https://github.com/" + org + "/" + name + "/actions/runs/" + runId + "/job/1");
        job.putArray("labels").add("ubuntu-latest");
        return job;
    }

    private ObjectNode release(long id, String name) {
        ObjectNode release = LogJson.MAPPER.createObjectNode().put("id", id).put("tag_name", "v1.0.0")
                .put("name", name + " 1.0").put("draft", false).put("prerelease", false)
                .put("created_at", ago(60 * 5).toString()).put("published_at", ago(60 * 5).toString());
        release.set("author", user("lead-" + name, 9000 + id));
        return release;
    }

    private ObjectNode deployment(long id, String name) {
        ObjectNode deployment = LogJson.MAPPER.createObjectNode().put("id", id).put("sha", commitSha(name, 1))
                .put("ref", "main").put("task", "deploy").put("environment", "production")
                .put("created_at", ago(60 * 4).toString()).put("updated_at", ago(60 * 4).toString());
        deployment.set("creator", user("lead-" + name, 9000 + id));
        return deployment;
    }

    private ObjectNode deploymentStatus(long id, String name) {
        ObjectNode status = LogJson.MAPPER.createObjectNode().put("id", id * 10).put("state", "success")
                .put("environment", "production").put("created_at", ago(60 * 4 - 3).toString());
        status.set("creator", user("lead-" + name, 9000 + id));
        return status;
    }

    private static ObjectNode user(String login, long id) {
        return LogJson.MAPPER.createObjectNode().put("login", login).put("id", id).put("type", "User")
                .put("avatar_url", "https://avatars.githubusercontent.com/u/" + id);
    }

    private static ArrayNode array(List<? extends JsonNode> items) {
        ArrayNode array = LogJson.MAPPER.createArrayNode();
        array.addAll(new ArrayList<>(items));
        return array;
    }

    private Instant ago(long minutes) {
        return now.minus(Duration.ofMinutes(minutes));
    }
}
