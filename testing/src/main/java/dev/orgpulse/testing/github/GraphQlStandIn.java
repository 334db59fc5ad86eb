package dev.orgpulse.testing.github;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import dev.orgpulse.eventlog.LogJson;

/**
 * GitHub's GraphQL API for the backfill's query, answered from repositories tests register ({@link OrgHistory}):
 * each alias {@code r<i>} is the repository named by the variables {@code o<i>}/{@code n<i>}, with its default
 * branch's history when {@code c<i>} and its pull requests when {@code p<i>}, from the cursors {@code ca<i>} and
 * {@code pa<i>}. A repository may page its pull requests smaller than asked, so that cursors are followed. An
 * unknown repository is {@code null} with a {@code NOT_FOUND} error, as GitHub answers.
 */
public final class GraphQlStandIn implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "orgpulse-graphql";

    /** A repository's lists as GraphQL nodes, newest first, and how many pull requests one page holds. */
    record Repository(String defaultBranch, ArrayNode commits, ArrayNode pullRequests, int pullRequestsPerPage) {
    }

    private final Map<String, Repository> repositories = new ConcurrentHashMap<>();

    void serve(String fullName, Repository repository) {
        repositories.put(fullName, repository);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        JsonNode variables;
        try {
            variables = LogJson.MAPPER.readTree(serveEvent.getRequest().getBodyAsString()).path("variables");
        } catch (IOException e) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(400).withBody(e.getMessage()).build();
        }
        ObjectNode answer = LogJson.MAPPER.createObjectNode();
        ObjectNode data = answer.putObject("data");
        data.putObject("rateLimit").put("cost", 1).put("remaining", 4999).put("resetAt",
                Instant.now().plusSeconds(3600).toString());
        for (int i = 0; variables.has("o" + i); i++) {
            String fullName = variables.path("o" + i).asText() + "/" + variables.path("n" + i).asText();
            Repository repository = repositories.get(fullName);
            if (repository == null) {
                data.putNull("r" + i);
                answer.withArray("errors").addObject().put("type", "NOT_FOUND")
                        .put("message", "Could not resolve to a Repository with the name '" + fullName + "'.")
                        .putArray("path").add("r" + i);
                continue;
            }
            ObjectNode alias = data.putObject("r" + i);
            if (variables.path("c" + i).asBoolean()) {
                ObjectNode branch = alias.putObject("defaultBranchRef").put("name", repository.defaultBranch());
                branch.putObject("target").set("history",
                        page(repository.commits(), variables.path("ca" + i), Integer.MAX_VALUE));
            }
            if (variables.path("p" + i).asBoolean()) {
                alias.set("pullRequests",
                        page(repository.pullRequests(), variables.path("pa" + i), repository.pullRequestsPerPage()));
            }
        }
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-RateLimit-Limit", "5000")
                .withHeader("X-RateLimit-Remaining", OrgHistory.RATE_LIMIT_REMAINING)
                .withHeader("X-RateLimit-Reset", String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond()))
                .withBody(answer.toString()).build();
    }

    /** A connection's page: cursors are the index of the next node. */
    private static ObjectNode page(ArrayNode nodes, JsonNode after, int size) {
        int from = after.isTextual() ? Integer.parseInt(after.asText()) : 0;
        int to = (int) Math.min((long) from + size, nodes.size());
        ObjectNode connection = LogJson.MAPPER.createObjectNode();
        connection.putObject("pageInfo").put("hasNextPage", to < nodes.size()).put("endCursor", String.valueOf(to));
        ArrayNode page = connection.putArray("nodes");
        for (int i = from; i < to; i++) {
            page.add(nodes.get(i));
        }
        return connection;
    }
}
