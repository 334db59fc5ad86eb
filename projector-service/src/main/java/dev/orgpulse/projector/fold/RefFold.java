package dev.orgpulse.projector.fold;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * A branch or tag created ({@code create}) or deleted ({@code delete}): a feed item by whoever did it. These events
 * carry no time of their own; the repository's {@code pushed_at} (which the ref change moved) dates them and,
 * being part of the payload, keeps the same fact delivered twice one item.
 */
final class RefFold implements GitHubEventFold {

    private final boolean created;

    private RefFold(boolean created) {
        this.created = created;
    }

    static RefFold creations() {
        return new RefFold(true);
    }

    static RefFold deletions() {
        return new RefFold(false);
    }

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, JsonNode payload) {
        String refType = PayloadFields.text(payload, "ref_type");
        if (!"branch".equals(refType) && !"tag".equals(refType)) {
            return new RecordOutcome.Ignored(delivery, delivery.eventType() + " of a " + refType + " is not folded");
        }
        GitHubRepository repository = GitHubRepository.required(payload);
        String ref = PayloadFields.requiredText(payload, "/ref");
        GitHubUser sender = GitHubUser.required(payload, "/sender");
        Instant at = PayloadFields.firstPresent(PayloadFields.instant(payload, "/repository/pushed_at"),
                delivery.receivedAt());
        FeedKind kind = "branch".equals(refType)
                ? created ? FeedKind.BRANCH_CREATED : FeedKind.BRANCH_DELETED
                : created ? FeedKind.TAG_CREATED : FeedKind.TAG_DELETED;
        return ReadModelChanges.of(delivery).repository(repository.snapshot()).person(sender)
                .feed(kind.wireName() + ":" + repository.id() + ":" + ref + ":" + at, at, kind, sender, repository, ref)
                .folded();
    }
}
