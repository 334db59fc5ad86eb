package dev.orgpulse.projector.stream;

import static dev.orgpulse.projector.support.Payloads.commit;
import static dev.orgpulse.projector.support.Payloads.push;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.ChangeNotice;
import dev.orgpulse.eventlog.ReadModel;
import dev.orgpulse.projector.readmodel.FeedTrim;
import dev.orgpulse.testing.GitHubFixtureOutcomes;
import dev.orgpulse.projector.support.FoldingIntegrationTest;
import dev.orgpulse.projector.support.Payloads;
import dev.orgpulse.testing.Fixtures;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The GitHub folds through the real log into the real read models: every fixture, order, renames, the window. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
class GitHubFoldTest extends FoldingIntegrationTest {

    /** What the out-of-order test compares: everything but where the pull request lives. */
    private static final String PULL_REQUEST = """
            SELECT number, title, pr_type, author_login, is_bot, state, draft, base_ref, head_ref, additions, deletions,
                   changed_files, commits, array_to_string(labels, ',') AS labels,
                   array_to_string(requested_reviewers, ',') AS requested_reviewers, opened_at, merged_at, closed_at,
                   updated_at, size_lines, first_review_at, review_count, approvals
            FROM pull_request_overview WHERE repo_id = ?""";

    @Inject
    FeedTrim trim;

    @Test
    void everyFixtureIsFoldedOrIgnoredAsExpectedAndNoneIsADeadLetter() {
        String run = UUID.randomUUID().toString();
        int records = 0;
        for (String eventType : GitHubFixtureOutcomes.eventTypes()) {
            for (Path file : Fixtures.githubFiles(eventType)) {
                log.github(eventType, "fixture-" + run + "-" + eventType + "-" + file.getFileName(), Payloads.fixture(file));
                records++;
            }
        }
        String ours = "fixture-" + run + "-%";
        int produced = records;
        await().atMost(PATIENCE).until(() -> sql.number("SELECT count(*) FROM processed_delivery WHERE delivery_id LIKE ?",
                ours) + sql.number("SELECT count(*) FROM dead_letter WHERE delivery_id LIKE ?", ours) == produced);

        assertEquals(List.of(), sql.rows("SELECT delivery_id, reason FROM dead_letter WHERE delivery_id LIKE ?", ours));
        Map<String, Map<String, Long>> outcomes = new HashMap<>();
        sql.rows("SELECT event_type, outcome, count(*) AS records FROM processed_delivery WHERE delivery_id LIKE ?"
                + " GROUP BY event_type, outcome", ours).forEach(row -> outcomes
                .computeIfAbsent((String) row.get("event_type"), type -> new HashMap<>())
                .put((String) row.get("outcome"), (Long) row.get("records")));
        for (String eventType : GitHubFixtureOutcomes.eventTypes()) {
            Map<String, Long> counted = outcomes.getOrDefault(eventType, Map.of());
            assertEquals(List.of((long) GitHubFixtureOutcomes.folded(eventType), (long) GitHubFixtureOutcomes.ignored(eventType)),
                    List.of(counted.getOrDefault("folded", 0L), counted.getOrDefault("ignored", 0L)), eventType);
        }
        // the fixtures' facts, each once whatever number of fixtures tell it
        for (String fact : List.of("commit:6113728f27ae82c7b1a177c8d03f9e96e0adf246", "pr-opened:186853002#2",
                "review_comment:284312630", "comment:492700400", "issue-opened:444500041", "release:17372790",
                "deployment:145988746", "tag_created:186853002:simple-tag:2019-05-15T15:20:56Z")) {
            assertEquals(1, sql.number("SELECT count(*) FROM feed_fact WHERE natural_key = ?", fact), fact);
        }
        assertEquals("completed", sql.row("SELECT status FROM ci_run WHERE run_id = 289782451").get("status"));
        // the fixtures give one deployment id a success in 2019 and a status in progress in 2022: the latest is its status
        assertEquals("in_progress", sql.row("SELECT status FROM deployment_overview WHERE deployment_id = 145988746")
                .get("status"));
    }

    @Test
    void aReviewAndAClosedBeforeTheOpenedConvergeToThePullRequestFoldedInOrder() {
        String inOrder = Payloads.uniqueRepo();
        String outOfOrder = Payloads.uniqueRepo();

        awaitFolded(List.of(
                log.github("pull_request", uuid(), Payloads.pullRequest("opened", inOrder, 5)),
                log.github("pull_request_review", uuid(), approval(inOrder, 5)),
                log.github("pull_request", uuid(), Payloads.pullRequest("closed", inOrder, 5))));
        awaitFolded(List.of(
                log.github("pull_request_review", uuid(), approval(outOfOrder, 5)),
                log.github("pull_request", uuid(), Payloads.pullRequest("closed", outOfOrder, 5)),
                log.github("pull_request", uuid(), Payloads.pullRequest("opened", outOfOrder, 5))));

        Map<String, Object> expected = sql.row(PULL_REQUEST, Payloads.repositoryId(inOrder));
        assertEquals(expected, sql.row(PULL_REQUEST, Payloads.repositoryId(outOfOrder)));
        assertEquals("closed", expected.get("state"));
        assertEquals(List.of(1L, 1L), List.of(expected.get("review_count"), expected.get("approvals")));
        assertEquals(Instant.parse("2019-05-15T15:20:38Z"),
                ((java.sql.Timestamp) expected.get("first_review_at")).toInstant());
        for (String repo : List.of(inOrder, outOfOrder)) {
            assertEquals(List.of("opened", "review", "closed"), sql.rows(
                    "SELECT kind FROM feed_item WHERE repo_id = ? ORDER BY occurred_at", Payloads.repositoryId(repo))
                    .stream().map(row -> row.get("kind")).toList());
        }
    }

    @Test
    void historyFollowsARenamedRepositoryWhateverOrderItsRecordsAreFoldedIn() {
        for (boolean oldEventsLast : List.of(false, true)) {
            long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
            String oldName = Payloads.uniqueRepo();
            String newName = Payloads.uniqueRepo();
            String before = Payloads.sha();
            String after = Payloads.sha();
            ObjectNode oldPush = withRepository(push(oldName, "main", commit(before, "Before", "octo",
                    "2024-03-01T09:00:00Z")), id, oldName, "2024-03-01T09:00:00Z");
            ObjectNode renamed = withRepository(Payloads.fixture("repository", "renamed.payload.json"), id, newName,
                    "2024-03-02T10:00:00Z");
            ObjectNode newPush = withRepository(push(newName, "main", commit(after, "After", "octo",
                    "2024-03-03T09:00:00Z")), id, newName, "2024-03-03T09:00:00Z");

            List<RecordMetadata> written = new ArrayList<>();
            if (!oldEventsLast) {
                written.add(log.github("push", uuid(), oldPush));
            }
            written.add(log.github("repository", uuid(), renamed));
            written.add(log.github("push", uuid(), newPush));
            if (oldEventsLast) {
                written.add(log.github("push", uuid(), oldPush));
            }
            awaitFolded(written);

            assertEquals(newName, sql.row("SELECT full_name FROM repository WHERE id = ?", id).get("full_name"));
            assertEquals(List.of(newName, newName), sql.rows("""
                    SELECT r.full_name FROM feed_item f JOIN repository r ON r.id = f.repo_id
                    WHERE f.natural_key IN (?, ?)""", "commit:" + before, "commit:" + after).stream()
                    .map(row -> row.get("full_name")).toList());
            assertEquals(2L, sql.number("SELECT sum(items) FROM daily_activity WHERE repo_id = ?", id));
        }
    }

    @Test
    void aTrimmedFeedItemDoesNotComeBackAndItsDayStays() {
        String repo = Payloads.uniqueRepo();
        long repoId = Payloads.repositoryId(repo);
        String sha = Payloads.sha();
        awaitFolded(List.of(log.github("push", uuid(), push(repo, "main",
                commit(sha, "Long ago", "octo", "2001-01-01T12:00:00Z")))));
        assertEquals(1, sql.number("SELECT count(*) FROM feed_item WHERE natural_key = ?", "commit:" + sha));

        assertTrue(trim.olderThan(Instant.parse("2001-01-02T00:00:00Z")) >= 1);
        // the same commit again, in another push with another delivery id: a backfill, a replay
        awaitFolded(List.of(log.github("push", uuid(), push(repo, "feature",
                commit(sha, "Long ago", "octo", "2001-01-01T12:00:00Z")))));

        assertEquals(0, sql.number("SELECT count(*) FROM feed_item WHERE natural_key = ?", "commit:" + sha));
        assertEquals(1, sql.number("SELECT count(*) FROM feed_fact WHERE natural_key = ?", "commit:" + sha));
        assertEquals(1, sql.number("SELECT count(*) FROM git_commit WHERE sha = ?", sha));
        assertEquals(Map.of("day", java.sql.Date.valueOf(LocalDate.parse("2001-01-01")), "items", 1),
                sql.row("SELECT day, items FROM daily_activity WHERE repo_id = ?", repoId));
    }

    @Test
    void anOlderPictureFromABackfillNeverMovesANewerWebhookFactBackwards() {
        String repo = Payloads.uniqueRepo();
        ObjectNode mergedByWebhook = Payloads.merged(repo, 7, "2021-06-01T12:00:00Z", "hubot");
        // the backfill read the pull request from the API before it was merged (its listing was older)
        ObjectNode openFromTheApi = Payloads.pullRequest("opened", repo, 7);
        ((ObjectNode) openFromTheApi.path("pull_request")).put("updated_at", "2021-05-31T09:00:00Z");

        awaitFolded(List.of(log.github("pull_request", uuid(), mergedByWebhook),
                log.backfilled("pull_request", "backfill:pr:" + repo + "#7", openFromTheApi)));

        assertEquals(Map.of("state", "merged", "merged_by", "hubot"), sql.row(
                "SELECT state, merged_by FROM pull_request WHERE repo_id = ? AND number = 7", Payloads.repositoryId(repo)));
    }

    @Test
    void aRunCompletedBeforeItWasInProgressStaysCompleted() {
        String repo = Payloads.uniqueRepo();
        long runId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        ObjectNode completed = workflowRun(repo, runId, "completed", "2020-10-05T16:40:00Z");
        ObjectNode inProgress = workflowRun(repo, runId, "in_progress", "2020-10-05T16:41:00Z");

        awaitFolded(List.of(log.github("workflow_run", uuid(), completed),
                log.github("workflow_run", uuid(), inProgress)));

        assertEquals(Map.of("status", "completed", "conclusion", "success"),
                sql.row("SELECT status, conclusion FROM ci_run WHERE run_id = ?", runId));
    }

    @Test
    void aWorkflowRunIsAnnouncedAsAChangeOfTheCiRuns() {
        String repo = Payloads.uniqueRepo();
        long firstRun = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        long secondRun = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        // the first run brings the repository: the second changes nothing that shows its name
        awaitFolded(log.github("workflow_run", uuid(),
                workflowRun(repo, firstRun, "completed", "2020-10-05T16:40:00Z")));
        RecordMetadata second = awaitFolded(log.github("workflow_run", uuid(),
                workflowRun(repo, secondRun, "completed", "2020-10-05T16:40:00Z")));

        ChangeNotice notice = ChangeNotice.fromJson(awaitChangeNotice(reaching(second)).value());

        assertTrue(notice.changed().contains(ReadModel.CI_RUNS), notice.changed().toString());
        assertFalse(notice.changed().contains(ReadModel.REPOS), "the repository did not change: " + notice.changed());
    }

    /** The submitted fixture, as an approval by octocat of pull request {@code number} of {@code repo}. */
    private static ObjectNode approval(String repo, int number) {
        ObjectNode review = Payloads.fixture("pull_request_review", "submitted.payload.json");
        Payloads.inRepository(review, repo);
        ((ObjectNode) review.path("pull_request")).put("number", number);
        ((ObjectNode) review.path("review")).put("id", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE))
                .put("state", "approved").putObject("user").put("login", "octocat").put("type", "User");
        return review;
    }

    private static ObjectNode withRepository(ObjectNode payload, long id, String fullName, String asOf) {
        ((ObjectNode) payload.path("repository")).put("id", id).put("full_name", fullName).put("updated_at", asOf)
                .put("pushed_at", asOf);
        return payload;
    }

    private static ObjectNode workflowRun(String repo, long runId, String status, String updatedAt) {
        ObjectNode payload = Payloads.fixture("workflow_run", "completed.payload.json");
        Payloads.inRepository(payload, repo);
        payload.put("action", status);
        ObjectNode run = (ObjectNode) payload.path("workflow_run");
        run.put("id", runId).put("status", status).put("updated_at", updatedAt);
        if (!status.equals("completed")) {
            run.putNull("conclusion");
        }
        return payload;
    }

}
