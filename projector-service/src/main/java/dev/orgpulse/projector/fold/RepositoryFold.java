package dev.orgpulse.projector.fold;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * A {@code repository} event: its picture of the repository, preferred over the pictures other events carry at
 * the same time, so a rename, archival, transfer or deletion sticks. Created, renamed, archived, unarchived,
 * transferred and deleted also make a feed item by whoever did it. These events carry no time of their own
 * (except creation): they are dated when they were received.
 */
final class RepositoryFold implements GitHubEventFold {

    private static final Map<String, FeedKind> ITEMS = Map.of(
            "created", FeedKind.REPO_CREATED,
            "renamed", FeedKind.REPO_RENAMED,
            "archived", FeedKind.REPO_ARCHIVED,
            "unarchived", FeedKind.REPO_UNARCHIVED,
            "transferred", FeedKind.REPO_TRANSFERRED,
            "deleted", FeedKind.REPO_DELETED);

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, JsonNode payload) {
        String action = PayloadFields.text(payload, "action");
        GitHubRepository repository = GitHubRepository.required(payload);
        Optional<GitHubUser> sender = GitHubUser.at(payload.path("sender"));
        ReadModelChanges.Builder changes = ReadModelChanges.of(delivery)
                .repository(repository.snapshotOfItsOwnEvent("deleted".equals(action))).person(sender);
        FeedKind kind = ITEMS.get(action);
        if (kind != null && sender.isPresent()) {
            changes.feed(kind.wireName() + ":" + repository.id() + ":" + delivery.receivedAt(),
                    kind == FeedKind.REPO_CREATED && repository.createdAt() != null ? repository.createdAt()
                            : delivery.receivedAt(),
                    kind, sender.get(), repository, message(action, payload, repository));
        }
        return changes.folded();
    }

    /** The repository's name; for a rename or transfer, where it came from too. */
    private static String message(String action, JsonNode payload, GitHubRepository repository) {
        String formerName = PayloadFields.textAt(payload, "/changes/repository/name/from");
        if ("renamed".equals(action) && formerName != null && repository.owner() != null) {
            return repository.owner() + "/" + formerName + " → " + repository.fullName();
        }
        JsonNode formerOwner = payload.at("/changes/owner/from");
        String formerOwnerLogin = PayloadFields.firstPresent(PayloadFields.textAt(formerOwner, "/user/login"),
                PayloadFields.textAt(formerOwner, "/organization/login"));
        if ("transferred".equals(action) && formerOwnerLogin != null) {
            String name = repository.fullName().substring(repository.fullName().indexOf('/') + 1);
            return formerOwnerLogin + "/" + name + " → " + repository.fullName();
        }
        return repository.fullName();
    }
}
