package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * A {@code workflow_run} requested, in progress or completed: the run attempt (by run id and attempt), kept at its
 * furthest status whatever order the deliveries come in. A failed run (failure, time-out, start-up failure) is a
 * {@code ci_failed} item, by who triggered it.
 */
final class WorkflowRunFold implements GitHubEventFold {

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, JsonNode payload) {
        GitHubRepository repository = GitHubRepository.required(payload);
        JsonNode run = payload.path("workflow_run");
        long runId = PayloadFields.requiredLong(payload, "/workflow_run/id");
        int attempt = Optional.ofNullable(PayloadFields.integer(run, "/run_attempt")).orElse(1);
        String status = PayloadFields.requiredText(payload, "/workflow_run/status");
        String conclusion = PayloadFields.text(run, "conclusion");
        Instant updatedAt = PayloadFields.requiredInstant(payload, "/workflow_run/updated_at");
        Instant startedAt = PayloadFields.firstPresent(PayloadFields.instant(run, "/run_started_at"),
                PayloadFields.instant(run, "/created_at"));
        Optional<GitHubUser> actor = GitHubUser.at(run.path("triggering_actor"))
                .or(() -> GitHubUser.at(run.path("actor")))
                .or(() -> GitHubUser.at(payload.path("sender")));
        String workflow = PayloadFields.firstPresent(PayloadFields.text(run, "name"),
                PayloadFields.textAt(payload, "/workflow/name"), PayloadFields.text(run, "path"), "workflow");
        String branch = PayloadFields.text(run, "head_branch");

        ReadModelChanges.Builder changes = ReadModelChanges.of(delivery).repository(repository.snapshot())
                .person(actor)
                .ciRun(new CiRunRow(runId, attempt, repository.id(), repository.fullName(),
                        PayloadFields.longValue(run, "/workflow_id"), workflow, PayloadFields.integer(run, "/run_number"),
                        PayloadFields.text(run, "event"), status, conclusion, branch, PayloadFields.text(run, "head_sha"),
                        actor.map(GitHubUser::login).orElse(null), actor.map(GitHubUser::bot).orElse(false),
                        PayloadFields.instant(run, "/created_at"), startedAt, updatedAt,
                        CiStatus.durationSeconds(status, startedAt, updatedAt), PayloadFields.text(run, "html_url")));
        if (CiStatus.failed(status, conclusion) && actor.isPresent()) {
            changes.feed("ci-failed:" + runId + ":" + attempt, updatedAt, FeedKind.CI_FAILED, actor.get(), repository,
                    branch == null ? workflow : workflow + " on " + branch);
        }
        return changes.folded();
    }
}
