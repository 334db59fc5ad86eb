package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;

/** A {@code workflow_job} queued, waiting, in progress or completed: the job by its id, at its furthest status. */
final class WorkflowJobFold implements GitHubEventFold {

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, JsonNode payload) {
        GitHubRepository repository = GitHubRepository.required(payload);
        JsonNode job = payload.path("workflow_job");
        String status = PayloadFields.requiredText(payload, "/workflow_job/status");
        Instant startedAt = PayloadFields.instant(job, "/started_at");
        Instant completedAt = PayloadFields.instant(job, "/completed_at");
        List<String> labels = new ArrayList<>();
        job.path("labels").forEach(label -> labels.add(label.asText()));
        return ReadModelChanges.of(delivery).repository(repository.snapshot())
                .person(GitHubUser.at(payload.path("sender")))
                .ciJob(new CiJobRow(PayloadFields.requiredLong(payload, "/workflow_job/id"),
                        PayloadFields.requiredLong(payload, "/workflow_job/run_id"),
                        Optional.ofNullable(PayloadFields.integer(job, "/run_attempt")).orElse(1), repository.id(),
                        repository.fullName(), PayloadFields.text(job, "workflow_name"),
                        PayloadFields.requiredText(payload, "/workflow_job/name"), status,
                        PayloadFields.text(job, "conclusion"), PayloadFields.text(job, "head_branch"),
                        PayloadFields.text(job, "head_sha"), PayloadFields.instant(job, "/created_at"), startedAt,
                        completedAt, CiStatus.durationSeconds(status, startedAt, completedAt),
                        PayloadFields.text(job, "runner_name"), labels, PayloadFields.text(job, "html_url")))
                .folded();
    }
}
