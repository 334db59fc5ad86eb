package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * A release made public: GitHub tells it up to three times ({@code created}, {@code published}, and
 * {@code released} or {@code prereleased}), all one {@code release} item by the release's id, by its author, at
 * its publication. Drafts, edits and deletions are ignored.
 */
final class ReleaseFold implements GitHubEventFold {

    private static final Set<String> PUBLISHING_ACTIONS = Set.of("created", "published", "released", "prereleased");

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, JsonNode payload) {
        String action = PayloadFields.text(payload, "action");
        if (!PUBLISHING_ACTIONS.contains(action)) {
            return new RecordOutcome.Ignored(delivery, "release action " + action + " is not folded");
        }
        if (payload.path("release").path("draft").asBoolean(false)) {
            return new RecordOutcome.Ignored(delivery, "release " + action + " is a draft");
        }
        GitHubRepository repository = GitHubRepository.required(payload);
        long releaseId = PayloadFields.requiredLong(payload, "/release/id");
        GitHubUser author = GitHubUser.at(payload.at("/release/author"))
                .orElseGet(() -> GitHubUser.required(payload, "/sender"));
        String name = PayloadFields.textAt(payload, "/release/name");
        Instant publishedAt = PayloadFields.instant(payload, "/release/published_at");
        return ReadModelChanges.of(delivery).repository(repository.snapshot()).person(author)
                .feed("release:" + releaseId,
                        publishedAt != null ? publishedAt : PayloadFields.requiredInstant(payload, "/release/created_at"),
                        FeedKind.RELEASE, author, repository,
                        name != null ? name : PayloadFields.requiredText(payload, "/release/tag_name"))
                .folded();
    }
}
