package dev.orgpulse.ingest.backfill;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.ingest.github.GitHubApi;
import dev.orgpulse.ingest.github.GitHubApiException;

/**
 * What one repository tells since a moment beside its commits and pull requests ({@link BatchedHistory} reads those
 * for many repositories at once), read from the REST API page by page and handed on as {@link BackfillRecord}s:
 * issues, workflow runs and their jobs, releases, deployments and their statuses. REST because each is one list
 * per repository whose objects are already the webhooks' shapes. Lists sorted newest first stop at the first page
 * older than {@code since}.
 */
final class RepositoryBackfill {

    static final int PAGE = 100;
    private static final Logger LOG = Logger.getLogger(RepositoryBackfill.class);

    private final GitHubApi api;
    private final Instant since;
    private final Consumer<BackfillRecord> sink;

    RepositoryBackfill(GitHubApi api, Instant since, Consumer<BackfillRecord> sink) {
        this.api = api;
        this.since = since;
        this.sink = sink;
    }

    void run(JsonNode repository) {
        String path = "/repos/" + repository.path("full_name").asText();
        section(repository, "issues", () -> issues(repository, path));
        section(repository, "workflow runs", () -> workflowRuns(repository, path));
        section(repository, "releases", () -> releases(repository, path));
        section(repository, "deployments", () -> deployments(repository, path));
    }

    /** A section GitHub does not have for this repository (empty, Actions off, no access) is skipped, said so. */
    private void section(JsonNode repository, String what, Runnable read) {
        try {
            read.run();
        } catch (GitHubApiException e) {
            if (e.status() == 404 || e.status() == 409 || e.status() == 403) {
                LOG.infof("Backfill of %s: no %s to read (%s)", repository.path("full_name").asText(), what,
                        e.getMessage());
                return;
            }
            throw e;
        }
    }

    private void issues(JsonNode repository, String path) {
        api.forEachPage(path + "/issues?state=all&since=" + since + "&per_page=" + PAGE, page -> {
            for (JsonNode issue : page) {
                if (issue.has("pull_request")) {
                    continue;
                }
                JsonNode full = "closed".equals(issue.path("state").asText()) && !issue.path("closed_by").isObject()
                        ? api.get(path + "/issues/" + issue.path("number").asText())
                        : issue;
                WebhookShapes.issue(repository, full, since).forEach(sink);
            }
            return true;
        });
    }

    private void workflowRuns(JsonNode repository, String path) {
        String created = encoded(">=" + since);
        api.forEachPage(path + "/actions/runs?created=" + created + "&per_page=" + PAGE, page -> {
            for (JsonNode run : page.path("workflow_runs")) {
                sink.accept(WebhookShapes.workflowRun(repository, run));
                api.forEachPage(path + "/actions/runs/" + run.path("id").asText() + "/attempts/"
                        + run.path("run_attempt").asInt(1) + "/jobs?per_page=" + PAGE, jobs -> {
                            jobs.path("jobs").forEach(job -> sink.accept(WebhookShapes.workflowJob(repository, job)));
                            return true;
                        });
            }
            return true;
        });
    }

    private void releases(JsonNode repository, String path) {
        api.forEachPage(path + "/releases?per_page=" + PAGE, page -> {
            for (JsonNode release : page) {
                if (release.path("draft").asBoolean(false)) {
                    continue;
                }
                if (WebhookShapes.instant(release, "created_at").map(since::isAfter).orElse(false)) {
                    return false;
                }
                sink.accept(WebhookShapes.release(repository, release));
            }
            return true;
        });
    }

    private void deployments(JsonNode repository, String path) {
        api.forEachPage(path + "/deployments?per_page=" + PAGE, page -> {
            for (JsonNode deployment : page) {
                if (WebhookShapes.instant(deployment, "created_at").map(since::isAfter).orElse(false)) {
                    return false;
                }
                sink.accept(WebhookShapes.deployment(repository, deployment));
                api.forEachPage(path + "/deployments/" + deployment.path("id").asText() + "/statuses?per_page=" + PAGE,
                        statuses -> {
                            statuses.forEach(status -> sink.accept(
                                    WebhookShapes.deploymentStatus(repository, deployment, status)));
                            return true;
                        });
            }
            return true;
        });
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
