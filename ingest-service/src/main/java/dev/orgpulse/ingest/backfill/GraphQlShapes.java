package dev.orgpulse.ingest.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.LogJson;

/**
 * GitHub's GraphQL nodes turned into the REST objects of the same facts (the shapes {@link WebhookShapes} and the
 * webhooks carry): the same ids ({@code databaseId}), the same field names and values, so a backfilled fact has the
 * delivery id and natural key it would have had from the REST API, and a webhook of the same fact counts once.
 */
final class GraphQlShapes {

    private static final String GHOST = "ghost";

    private GraphQlShapes() {
    }

    /** A {@code Commit} of a branch's history as one of the REST commit list. */
    static ObjectNode commit(JsonNode node) {
        ObjectNode commit = LogJson.MAPPER.createObjectNode().put("sha", node.path("oid").asText())
                .put("html_url", node.path("url").asText(""));
        ObjectNode git = commit.putObject("commit");
        git.set("message", node.path("message"));
        ObjectNode author = git.putObject("author");
        author.set("name", node.path("author").path("name"));
        author.set("email", node.path("author").path("email"));
        git.putObject("committer").set("date", node.path("committedDate"));
        JsonNode login = node.path("author").path("user").path("login");
        if (login.isTextual()) {
            commit.putObject("author").set("login", login);
        }
        return commit;
    }

    /** A {@code PullRequest} as {@code GET /repos/{owner}/{repo}/pulls/{number}} answers it. */
    static ObjectNode pullRequest(JsonNode node) {
        ObjectNode pr = LogJson.MAPPER.createObjectNode().put("id", node.path("databaseId").asLong())
                .put("number", node.path("number").asInt());
        pr.set("title", node.path("title"));
        String state = node.path("state").asText();
        pr.put("state", "OPEN".equals(state) ? "open" : "closed");
        pr.put("draft", node.path("isDraft").asBoolean(false));
        pr.put("merged", node.path("merged").asBoolean(false));
        pr.set("created_at", node.path("createdAt"));
        pr.set("updated_at", node.path("updatedAt"));
        pr.set("closed_at", nullable(node.path("closedAt")));
        pr.set("merged_at", nullable(node.path("mergedAt")));
        pr.set("html_url", node.path("url"));
        pr.set("user", author(node.path("author")));
        if (node.path("mergedBy").isObject()) {
            pr.set("merged_by", user(node.path("mergedBy")));
        }
        pr.set("additions", node.path("additions"));
        pr.set("deletions", node.path("deletions"));
        pr.set("changed_files", node.path("changedFiles"));
        pr.set("commits", node.path("commits").path("totalCount"));
        pr.putObject("base").set("ref", node.path("baseRefName"));
        pr.putObject("head").set("ref", node.path("headRefName"));
        ArrayNode labels = pr.putArray("labels");
        node.path("labels").path("nodes").forEach(label -> labels.addObject().set("name", label.path("name")));
        ArrayNode reviewers = pr.putArray("requested_reviewers");
        node.path("reviewRequests").path("nodes").forEach(request -> {
            JsonNode reviewer = request.path("requestedReviewer");
            if (reviewer.path("login").isTextual()) {
                reviewers.add(user(reviewer));
            }
        });
        return pr;
    }

    /** A {@code PullRequestReview} as {@code GET .../pulls/{number}/reviews} lists it. */
    static ObjectNode review(JsonNode node) {
        ObjectNode review = LogJson.MAPPER.createObjectNode().put("id", node.path("databaseId").asLong());
        review.set("state", node.path("state"));
        review.set("body", node.path("body"));
        review.set("submitted_at", nullable(node.path("submittedAt")));
        review.set("user", author(node.path("author")));
        return review;
    }

    /**
     * An {@code Actor} as a REST user: a GitHub App's login carries the {@code [bot]} suffix there, and its type
     * {@code Bot}, which is how the projector tells bots from people.
     */
    static JsonNode user(JsonNode actor) {
        if (!actor.path("login").isTextual()) {
            return LogJson.MAPPER.nullNode();
        }
        String type = actor.path("__typename").asText("User");
        String login = actor.path("login").asText();
        ObjectNode user = LogJson.MAPPER.createObjectNode()
                .put("login", "Bot".equals(type) && !login.endsWith("[bot]") ? login + "[bot]" : login)
                .put("type", type);
        if (actor.path("databaseId").isNumber()) {
            user.set("id", actor.path("databaseId"));
        }
        user.set("avatar_url", actor.path("avatarUrl"));
        return user;
    }

    /** The author of something: GraphQL has none for a deleted account, where REST names GitHub's {@code ghost}. */
    private static JsonNode author(JsonNode actor) {
        JsonNode user = user(actor);
        return user.isNull() ? LogJson.MAPPER.createObjectNode().put("login", GHOST).put("type", "User") : user;
    }

    private static JsonNode nullable(JsonNode value) {
        return value.isMissingNode() ? LogJson.MAPPER.nullNode() : value;
    }
}
