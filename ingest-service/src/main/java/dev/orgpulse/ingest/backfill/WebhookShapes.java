package dev.orgpulse.ingest.backfill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.LogJson;

/**
 * GitHub's REST answers turned into the payloads of the webhook events that tell the same facts. A webhook's
 * {@code pull_request}, {@code issue}, {@code workflow_run}... object is the REST object of the same name, so each
 * answer is carried as it came, beside the {@code repository} (and {@code action}) the folds read.
 * <p>
 * Default-branch commits are no push (nobody pushed them now, and a made-up push would be counted as one): they
 * become a {@value #COMMITS} record, whose commits are shaped like a push's so the projector reads them alike.
 */
public final class WebhookShapes {

    /** The backfill-only event type of commits learned from the API: commits and feed items, no push. */
    public static final String COMMITS = "commits";
    static final String PREFIX = "backfill:";

    private WebhookShapes() {
    }

    /**
     * The pull request as it is now: {@code opened} when it was opened since the backfill's start (its feed item),
     * else {@code edited} (its picture only); then {@code closed} when it was merged or closed since.
     */
    static List<BackfillRecord> pullRequest(JsonNode repository, JsonNode pr, Instant since) {
        List<BackfillRecord> records = new ArrayList<>();
        String key = repository.path("id").asText() + "#" + pr.path("number").asText();
        String revision = pr.path("updated_at").asText();
        boolean openedSince = !instant(pr, "created_at").map(since::isAfter).orElse(true);
        String first = openedSince ? "opened" : "edited";
        records.add(event("pull_request", "pull_request:" + key + ":" + first + ":" + revision,
                pullRequestPayload(first, repository, pr)));
        Optional<Instant> closedAt = instant(pr, "closed_at");
        if (closedAt.isPresent() && !closedAt.get().isBefore(since)) {
            records.add(event("pull_request", "pull_request:" + key + ":closed:" + revision,
                    pullRequestPayload("closed", repository, pr)));
        }
        return records;
    }

    private static ObjectNode pullRequestPayload(String action, JsonNode repository, JsonNode pr) {
        ObjectNode payload = payload(action, repository);
        payload.put("number", pr.path("number").asInt());
        payload.set("pull_request", pr);
        // who merged it, when the answer says; the webhook's sender is whoever acted
        JsonNode sender = "closed".equals(action) && pr.path("merged_by").isObject() ? pr.path("merged_by")
                : pr.path("user");
        payload.set("sender", sender);
        return payload;
    }

    static BackfillRecord review(JsonNode repository, JsonNode pr, JsonNode review) {
        ObjectNode payload = payload("submitted", repository);
        payload.set("review", review);
        payload.set("pull_request", pr);
        payload.set("sender", review.path("user"));
        return event("pull_request_review", "pull_request_review:" + review.path("id").asText(), payload);
    }

    /** An issue opened and, when it was, closed since the backfill's start (pull requests excluded). */
    static List<BackfillRecord> issue(JsonNode repository, JsonNode issue, Instant since) {
        List<BackfillRecord> records = new ArrayList<>();
        String id = issue.path("id").asText();
        if (!instant(issue, "created_at").map(since::isAfter).orElse(true)) {
            ObjectNode opened = payload("opened", repository);
            opened.set("issue", issue);
            opened.set("sender", issue.path("user"));
            records.add(event("issues", "issues:" + id + ":opened", opened));
        }
        Optional<Instant> closedAt = instant(issue, "closed_at");
        if ("closed".equals(issue.path("state").asText()) && closedAt.isPresent() && !closedAt.get().isBefore(since)) {
            ObjectNode closed = payload("closed", repository);
            closed.set("issue", issue);
            closed.set("sender", issue.path("closed_by").isObject() ? issue.path("closed_by") : issue.path("user"));
            records.add(event("issues", "issues:" + id + ":closed:" + closedAt.get(), closed));
        }
        return records;
    }

    static BackfillRecord workflowRun(JsonNode repository, JsonNode run) {
        ObjectNode payload = payload(runAction(run.path("status").asText()), repository);
        payload.set("workflow_run", run);
        payload.set("sender", run.path("triggering_actor").isObject() ? run.path("triggering_actor") : run.path("actor"));
        return event("workflow_run", "workflow_run:" + run.path("id").asText() + ":" + run.path("run_attempt").asInt(1)
                + ":" + run.path("updated_at").asText(), payload);
    }

    static BackfillRecord workflowJob(JsonNode repository, JsonNode job) {
        ObjectNode payload = payload(runAction(job.path("status").asText()), repository);
        payload.set("workflow_job", job);
        return event("workflow_job", "workflow_job:" + job.path("id").asText() + ":" + job.path("status").asText()
                + ":" + job.path("completed_at").asText(""), payload);
    }

    static BackfillRecord release(JsonNode repository, JsonNode release) {
        ObjectNode payload = payload("published", repository);
        payload.set("release", release);
        payload.set("sender", release.path("author"));
        return event("release", "release:" + release.path("id").asText(), payload);
    }

    static BackfillRecord deployment(JsonNode repository, JsonNode deployment) {
        ObjectNode payload = payload("created", repository);
        payload.set("deployment", deployment);
        payload.set("sender", deployment.path("creator"));
        return event("deployment", "deployment:" + deployment.path("id").asText(), payload);
    }

    static BackfillRecord deploymentStatus(JsonNode repository, JsonNode deployment, JsonNode status) {
        ObjectNode payload = payload("created", repository);
        payload.set("deployment_status", status);
        payload.set("deployment", deployment);
        payload.set("sender", status.path("creator"));
        return event("deployment_status", "deployment_status:" + status.path("id").asText(), payload);
    }

    /**
     * Commits of one branch, as the REST commit list gives them, with their commit fields shaped as a push's
     * ({@code id}, {@code message}, {@code timestamp}, {@code author.name/email/username}).
     *
     * @param ref the branch, {@code refs/heads/...}
     * @param source what they complete, for the delivery id (a backfill's page, a truncated push)
     */
    public static BackfillRecord commits(JsonNode repository, String ref, List<JsonNode> commits, String source) {
        ObjectNode payload = LogJson.MAPPER.createObjectNode();
        payload.put("ref", ref);
        payload.set("repository", repository);
        ArrayNode shaped = payload.putArray("commits");
        for (JsonNode commit : commits) {
            ObjectNode one = shaped.addObject();
            one.put("id", commit.path("sha").asText());
            one.set("message", commit.path("commit").path("message"));
            one.set("timestamp", commit.path("commit").path("committer").path("date"));
            ObjectNode author = one.putObject("author");
            author.set("name", commit.path("commit").path("author").path("name"));
            author.set("email", commit.path("commit").path("author").path("email"));
            if (commit.path("author").path("login").isTextual()) {
                author.set("username", commit.path("author").path("login"));
            }
            one.put("url", commit.path("html_url").asText(""));
        }
        return new BackfillRecord(COMMITS, PREFIX + "commits:" + repository.path("id").asText() + ":" + source,
                payload);
    }

    private static String runAction(String status) {
        return switch (status) {
            case "completed" -> "completed";
            case "queued", "requested", "waiting", "pending" -> "requested";
            default -> "in_progress";
        };
    }

    private static ObjectNode payload(String action, JsonNode repository) {
        ObjectNode payload = LogJson.MAPPER.createObjectNode();
        payload.put("action", action);
        payload.set("repository", repository);
        return payload;
    }

    private static BackfillRecord event(String eventType, String id, ObjectNode payload) {
        return new BackfillRecord(eventType, PREFIX + id, payload);
    }

    static Optional<Instant> instant(JsonNode object, String field) {
        JsonNode value = object.path(field);
        return value.isTextual() ? Optional.of(Instant.parse(value.textValue())) : Optional.empty();
    }
}
