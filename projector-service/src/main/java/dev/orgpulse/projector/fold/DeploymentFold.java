package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * A {@code deployment} created, or a {@code deployment_status} it reached: the deployment by its id (newest
 * picture), each status by its id (the latest one is the deployment's status), and at its first success a
 * {@code deployment} item by who created the deployment.
 */
final class DeploymentFold implements GitHubEventFold {

    private static final String SUCCESS = "success";

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, JsonNode payload) {
        GitHubRepository repository = GitHubRepository.required(payload);
        JsonNode deployment = payload.path("deployment");
        long deploymentId = PayloadFields.requiredLong(payload, "/deployment/id");
        Optional<GitHubUser> creator = GitHubUser.at(deployment.path("creator"));
        String environment = PayloadFields.text(deployment, "environment");
        String ref = PayloadFields.text(deployment, "ref");
        Instant createdAt = PayloadFields.requiredInstant(payload, "/deployment/created_at");
        ReadModelChanges.Builder changes = ReadModelChanges.of(delivery).repository(repository.snapshot())
                .person(creator).person(GitHubUser.at(payload.path("sender")))
                .deployment(new DeploymentRow(deploymentId, repository.id(), repository.fullName(), environment, ref,
                        PayloadFields.text(deployment, "sha"), PayloadFields.text(deployment, "task"),
                        creator.map(GitHubUser::login).orElse(null), creator.map(GitHubUser::bot).orElse(false),
                        createdAt, PayloadFields.firstPresent(PayloadFields.instant(deployment, "/updated_at"),
                                createdAt)));
        if (!payload.path("deployment_status").isObject()) {
            return changes.folded();
        }
        JsonNode status = payload.path("deployment_status");
        String state = PayloadFields.requiredText(payload, "/deployment_status/state");
        Instant statusAt = PayloadFields.requiredInstant(payload, "/deployment_status/created_at");
        changes.deploymentStatus(new DeploymentStatusRow(PayloadFields.requiredLong(payload, "/deployment_status/id"),
                deploymentId, state, PayloadFields.textAt(status, "/creator/login"),
                PayloadFields.firstPresent(PayloadFields.text(status, "environment"), environment), statusAt));
        if (SUCCESS.equals(state) && creator.isPresent()) {
            changes.feed("deployment:" + deploymentId, statusAt, FeedKind.DEPLOYMENT, creator.get(), repository,
                    ref == null ? environment : environment + ": " + ref);
        }
        return changes.folded();
    }
}
