package dev.orgpulse.projector.fold;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * A {@code commits} record of the ingest's backfill: commits of one branch learned from GitHub's API (a default
 * branch's history, or the commits a truncated push left out), in a push's commit shape. Each counts once (by sha)
 * with its feed item, exactly as if a push had brought it; but no push row is written, for nobody pushed now.
 */
final class BackfilledCommitsFold implements GitHubEventFold {

    /** The event type the ingest's backfill gives these records. */
    static final String COMMITS = "commits";

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, JsonNode payload) {
        GitHubRepository repository = GitHubRepository.required(payload);
        String ref = PayloadFields.requiredText(payload, "/ref");
        if (!ref.startsWith(PushFold.BRANCH_PREFIX)) {
            return new RecordOutcome.Ignored(delivery, "commits of " + ref + ", not of a branch");
        }
        String branch = ref.substring(PushFold.BRANCH_PREFIX.length());
        ReadModelChanges.Builder changes = ReadModelChanges.of(delivery).repository(repository.snapshot());
        PushFold.foldCommits(payload.path("commits"), repository, branch, repository.isDefaultBranch(branch),
                Optional.empty(), delivery, changes);
        return changes.folded();
    }
}
