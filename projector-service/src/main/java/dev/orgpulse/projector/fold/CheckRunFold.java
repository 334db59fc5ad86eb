package dev.orgpulse.projector.fold;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * A {@code check_run} of any app (created, completed, re-requested, an action requested): the check run by its id,
 * at its furthest status. Kept apart from workflow jobs, which GitHub Actions also reports as check runs.
 */
final class CheckRunFold implements GitHubEventFold {

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, JsonNode payload) {
        GitHubRepository repository = GitHubRepository.required(payload);
        JsonNode check = payload.path("check_run");
        String status = PayloadFields.requiredText(payload, "/check_run/status");
        Instant startedAt = PayloadFields.instant(check, "/started_at");
        Instant completedAt = PayloadFields.instant(check, "/completed_at");
        return ReadModelChanges.of(delivery).repository(repository.snapshot())
                .person(GitHubUser.at(payload.path("sender")))
                .ciCheck(new CiCheckRow(PayloadFields.requiredLong(payload, "/check_run/id"), repository.id(),
                        repository.fullName(), PayloadFields.requiredText(payload, "/check_run/name"),
                        PayloadFields.firstPresent(PayloadFields.textAt(check, "/app/slug"),
                                PayloadFields.textAt(check, "/app/name")),
                        status, PayloadFields.text(check, "conclusion"),
                        PayloadFields.textAt(check, "/check_suite/head_branch"), PayloadFields.text(check, "head_sha"),
                        startedAt, completedAt, CiStatus.durationSeconds(status, startedAt, completedAt),
                        PayloadFields.text(check, "html_url")))
                .folded();
    }
}
