package dev.orgpulse.projector.fold;

import static dev.orgpulse.projector.support.Payloads.delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.projector.support.Payloads;

class CiFoldTest {

    private static final long REPO_ID = 300029405L;

    @Test
    void aCompletedRunIsItsAttemptWithConclusionAndDuration() {
        CiRunRow run = changes(new WorkflowRunFold(), "workflow_run", Payloads.fixture("workflow_run",
                "completed.payload.json")).ciRuns().get(0);

        assertEquals(new CiRunRow(289782451L, 1, REPO_ID, "octo-org/octo-repo", 2823525L, "test", 163,
                "repository_dispatch", "completed", "success", "master", "3484a3fb816e0859fd6e1cea078d76385ff50625",
                "Codertocat", false, Instant.parse("2020-10-05T16:33:24Z"), Instant.parse("2020-10-05T16:33:49Z"),
                Instant.parse("2020-10-05T16:33:49Z"), 0L, "https://github.com/octo-org/octo-repo/actions/runs/289782451"),
                run);
    }

    @Test
    void completedWinsOverRequestedAndInProgressWhateverTheirTimes() {
        ObjectNode late = Payloads.fixture("workflow_run", "requested.payload.json");
        ((ObjectNode) late.path("workflow_run")).put("status", "in_progress").put("updated_at", "2030-01-01T00:00:00Z");
        CiRunRow inProgress = changes(new WorkflowRunFold(), "workflow_run", late).ciRuns().get(0);
        CiRunRow completed = changes(new WorkflowRunFold(), "workflow_run", Payloads.fixture("workflow_run",
                "completed.payload.json")).ciRuns().get(0);
        CiRunRow requested = changes(new WorkflowRunFold(), "workflow_run", Payloads.fixture("workflow_run",
                "requested.payload.json")).ciRuns().get(0);

        assertTrue(completed.revision().compareTo(inProgress.revision()) > 0);
        assertTrue(inProgress.revision().compareTo(requested.revision()) > 0);
        assertNull(inProgress.durationSeconds());
    }

    @Test
    void aFailedRunIsACiFailedItemByWhoTriggeredItPerAttempt() {
        ObjectNode payload = failedRun(2);

        ReadModelChanges changes = changes(new WorkflowRunFold(), "workflow_run", payload);

        assertEquals(List.of(new FeedEntry("ci-failed:289782451:2", Instant.parse("2020-10-05T16:40:00Z"),
                FeedKind.CI_FAILED, "Codertocat", REPO_ID, "octo-org/octo-repo", "test on master", false)),
                changes.feed());
        assertFalse(changes.feed().get(0).activity());
        assertEquals(2, changes.ciRuns().get(0).runAttempt());
        assertEquals(411L, changes.ciRuns().get(0).durationSeconds());
    }

    @Test
    void aSuccessfulRunMakesNoItem() {
        assertEquals(List.of(), changes(new WorkflowRunFold(), "workflow_run",
                Payloads.fixture("workflow_run", "completed.payload.json")).feed());
    }

    @Test
    void aJobIsKeptByItsIdAtItsFurthestStatus() {
        CiJobRow completed = changes(new WorkflowJobFold(), "workflow_job", Payloads.fixture("workflow_job",
                "completed.failure.with-organization.payload.json")).ciJobs().get(0);
        CiJobRow queued = changes(new WorkflowJobFold(), "workflow_job", Payloads.fixture("workflow_job",
                "queued.payload.json")).ciJobs().get(0);

        assertEquals(289782451L, completed.jobId());
        assertEquals(2202229078L, completed.runId());
        assertEquals("failure", completed.conclusion());
        assertEquals(198L, completed.durationSeconds());
        assertEquals(List.of("ubuntu-latest"), completed.labels());
        assertTrue(completed.revision().compareTo(queued.revision()) > 0);
    }

    @Test
    void aCheckRunOfAnyAppIsKeptByItsId() {
        CiCheckRow check = changes(new CheckRunFold(), "check_run", Payloads.fixture("check_run",
                "completed.1.payload.json")).ciChecks().get(0);

        assertEquals(new CiCheckRow(128620228L, 186853002L, "Codertocat/Hello-World", "Octocoders-linter",
                "github-actions", "completed", "failure", "changes", "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
                Instant.parse("2019-05-15T15:21:12Z"), Instant.parse("2019-05-15T15:21:12Z"), 0L,
                "https://github.com/Codertocat/Hello-World/runs/128620228"), check);
    }

    /** The completed fixture as a failure of attempt {@code attempt} that ran 16:33:09 to 16:40:00. */
    static ObjectNode failedRun(int attempt) {
        ObjectNode payload = Payloads.fixture("workflow_run", "completed.payload.json");
        ((ObjectNode) payload.path("workflow_run")).put("conclusion", "failure").put("run_attempt", attempt)
                .put("run_started_at", "2020-10-05T16:33:09Z").put("updated_at", "2020-10-05T16:40:00Z");
        return payload;
    }

    private static ReadModelChanges changes(GitHubEventFold fold, String eventType, ObjectNode payload) {
        return assertInstanceOf(RecordOutcome.Folded.class, fold.fold(delivery(eventType, "d-1"), payload)).changes();
    }
}
