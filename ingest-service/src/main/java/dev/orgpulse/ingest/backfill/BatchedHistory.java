package dev.orgpulse.ingest.backfill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.ingest.github.GitHubApi;

/**
 * The default branch's commits since a moment and the pull requests updated since (with their reviews and merge
 * data) of up to {@value #REPOSITORIES_PER_QUERY} repositories per GraphQL query, where the REST API needs a call
 * for each list, each merged pull request and each pull request's reviews. A repository with more than one page of
 * either asks for its next page in the next query, beside the others still going, until none is left.
 * <p>
 * The answers are turned into REST objects ({@link GraphQlShapes}) and handed on as the {@link BackfillRecord}s the
 * REST answers would make: commit pages of {@value #COMMITS_PER_PAGE} in the same order give the same delivery ids.
 */
final class BatchedHistory {

    /** As codewall's harvester: 25 repositories keep a query's cost and answer size modest. */
    static final int REPOSITORIES_PER_QUERY = 25;
    static final int COMMITS_PER_PAGE = 100;
    static final int PULL_REQUESTS_PER_PAGE = 25;
    static final int REVIEWS_PER_PULL_REQUEST = 50;
    private static final Logger LOG = Logger.getLogger(BatchedHistory.class);

    private static final String FRAGMENTS = """
            fragment Person on Actor { __typename login avatarUrl ... on User { databaseId } ... on Bot { databaseId } }
            fragment CommitFields on Commit { oid message committedDate url author { name email user { login } } }
            fragment PullRequestFields on PullRequest {
              databaseId number title state isDraft merged createdAt updatedAt closedAt mergedAt url
              additions deletions changedFiles baseRefName headRefName
              author { ...Person } mergedBy { ...Person } commits { totalCount }
              labels(first: 20) { nodes { name } }
              reviewRequests(first: 20) { nodes { requestedReviewer { ... on User { __typename login avatarUrl databaseId } } } }
              reviews(first: %d) { pageInfo { hasNextPage } nodes { databaseId state body submittedAt author { ...Person } } }
            }
            """.formatted(REVIEWS_PER_PULL_REQUEST);

    private static final String REPOSITORY = """
              r%1$d: repository(owner: $o%1$d, name: $n%1$d) {
                defaultBranchRef @include(if: $c%1$d) { name target { ... on Commit {
                  history(since: $since, first: %2$d, after: $ca%1$d) { pageInfo { hasNextPage endCursor } nodes { ...CommitFields } }
                } } }
                pullRequests(first: %3$d, after: $pa%1$d, orderBy: {field: UPDATED_AT, direction: DESC}) @include(if: $p%1$d) {
                  pageInfo { hasNextPage endCursor } nodes { ...PullRequestFields }
                }
              }
            """;

    /** One repository's place in its lists: which are still to read, from which cursor. */
    private static final class Progress {
        final JsonNode repository;
        boolean commits = true;
        String commitsAfter;
        boolean pullRequests = true;
        String pullRequestsAfter;

        Progress(JsonNode repository) {
            this.repository = repository;
        }

        boolean pending() {
            return commits || pullRequests;
        }
    }

    private final GitHubApi api;
    private final Instant since;
    private final Consumer<BackfillRecord> sink;

    BatchedHistory(GitHubApi api, Instant since, Consumer<BackfillRecord> sink) {
        this.api = api;
        this.since = since;
        this.sink = sink;
    }

    /** @param repositories at most {@value #REPOSITORIES_PER_QUERY}, as the REST repository list gives them */
    void run(List<JsonNode> repositories) {
        List<Progress> pending = new ArrayList<>(repositories.stream().map(Progress::new).toList());
        while (!pending.isEmpty()) {
            JsonNode data = api.graphQl(query(pending.size()), variables(pending));
            for (int i = 0; i < pending.size(); i++) {
                read(pending.get(i), data.path("r" + i));
            }
            pending.removeIf(progress -> !progress.pending());
        }
    }

    static String query(int repositories) {
        StringBuilder query = new StringBuilder("query Backfill($since: GitTimestamp!");
        for (int i = 0; i < repositories; i++) {
            query.append(", $o%1$d: String!, $n%1$d: String!, $c%1$d: Boolean!, $ca%1$d: String, $p%1$d: Boolean!, $pa%1$d: String"
                    .formatted(i));
        }
        query.append(") {\n  rateLimit { cost remaining resetAt }\n");
        for (int i = 0; i < repositories; i++) {
            query.append(REPOSITORY.formatted(i, COMMITS_PER_PAGE, PULL_REQUESTS_PER_PAGE));
        }
        return query.append("}\n").append(FRAGMENTS).toString();
    }

    private ObjectNode variables(List<Progress> pending) {
        ObjectNode variables = LogJson.MAPPER.createObjectNode().put("since", since.toString());
        for (int i = 0; i < pending.size(); i++) {
            Progress progress = pending.get(i);
            variables.put("o" + i, progress.repository.path("owner").path("login").asText())
                    .put("n" + i, progress.repository.path("name").asText())
                    .put("c" + i, progress.commits).put("ca" + i, progress.commitsAfter)
                    .put("p" + i, progress.pullRequests).put("pa" + i, progress.pullRequestsAfter);
        }
        return variables;
    }

    private void read(Progress progress, JsonNode answer) {
        if (!answer.isObject()) {
            LOG.infof("Backfill of %s: GitHub's GraphQL API does not show it (no access, or gone); no commits or pull "
                    + "requests read", progress.repository.path("full_name").asText());
            progress.commits = false;
            progress.pullRequests = false;
            return;
        }
        if (progress.commits) {
            readCommits(progress, answer.path("defaultBranchRef"));
        }
        if (progress.pullRequests) {
            readPullRequests(progress, answer.path("pullRequests"));
        }
    }

    private void readCommits(Progress progress, JsonNode branch) {
        JsonNode history = branch.path("target").path("history");
        List<JsonNode> commits = new ArrayList<>();
        history.path("nodes").forEach(node -> commits.add(GraphQlShapes.commit(node)));
        if (!commits.isEmpty()) {
            String range = commits.get(0).path("sha").asText() + ".." + commits.get(commits.size() - 1).path("sha")
                    .asText();
            sink.accept(WebhookShapes.commits(progress.repository, "refs/heads/" + branch.path("name").asText(),
                    commits, range));
        }
        progress.commits = history.path("pageInfo").path("hasNextPage").asBoolean(false);
        progress.commitsAfter = history.path("pageInfo").path("endCursor").asText(null);
    }

    private void readPullRequests(Progress progress, JsonNode pullRequests) {
        boolean older = false;
        for (JsonNode node : pullRequests.path("nodes")) {
            ObjectNode pr = GraphQlShapes.pullRequest(node);
            if (WebhookShapes.instant(pr, "updated_at").map(since::isAfter).orElse(false)) {
                older = true;
                break;
            }
            WebhookShapes.pullRequest(progress.repository, pr, since).forEach(sink);
            reviews(progress.repository, pr, node.path("reviews"));
        }
        progress.pullRequests = !older && pullRequests.path("pageInfo").path("hasNextPage").asBoolean(false);
        progress.pullRequestsAfter = pullRequests.path("pageInfo").path("endCursor").asText(null);
    }

    /** Reviews since; a pull request with more than a query holds has the rest read from the REST API. */
    private void reviews(JsonNode repository, ObjectNode pr, JsonNode reviews) {
        if (reviews.path("pageInfo").path("hasNextPage").asBoolean(false)) {
            api.forEachPage("/repos/" + repository.path("full_name").asText() + "/pulls/" + pr.path("number").asText()
                    + "/reviews?per_page=100", page -> {
                        page.forEach(review -> review(repository, pr, review));
                        return true;
                    });
            return;
        }
        reviews.path("nodes").forEach(node -> review(repository, pr, GraphQlShapes.review(node)));
    }

    private void review(JsonNode repository, ObjectNode pr, JsonNode review) {
        if (!WebhookShapes.instant(review, "submitted_at").map(since::isAfter).orElse(true)) {
            sink.accept(WebhookShapes.review(repository, pr, review));
        }
    }
}
