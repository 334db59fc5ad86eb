package dev.orgpulse.projector.fold;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * An {@code issues} event opened, closed or reopened: a feed item by the issue's id, with its title. Opening is
 * the author's, closing and reopening whoever did it. Other actions (labels, assignees, edits, ...) are ignored.
 */
final class IssueFold implements GitHubEventFold {

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, JsonNode payload) {
        String action = PayloadFields.text(payload, "action");
        if (!"opened".equals(action) && !"closed".equals(action) && !"reopened".equals(action)) {
            return new RecordOutcome.Ignored(delivery, "issues action " + action + " is not folded");
        }
        GitHubRepository repository = GitHubRepository.required(payload);
        long issueId = PayloadFields.requiredLong(payload, "/issue/id");
        String title = PayloadFields.requiredText(payload, "/issue/title");
        GitHubUser author = GitHubUser.required(payload, "/issue/user");
        GitHubUser sender = GitHubUser.at(payload.path("sender")).orElse(author);
        ReadModelChanges.Builder changes = ReadModelChanges.of(delivery).repository(repository.snapshot())
                .person(author).person(sender);
        String key = "issue-" + action + ":" + issueId;
        switch (action) {
            case "opened" -> changes.feed(key, PayloadFields.requiredInstant(payload, "/issue/created_at"),
                    FeedKind.ISSUE_OPENED, author, repository, title);
            case "closed" -> {
                Instant closedAt = PayloadFields.requiredInstant(payload, "/issue/closed_at");
                changes.feed(key + ":" + closedAt, closedAt, FeedKind.ISSUE_CLOSED, sender, repository, title);
            }
            default -> {
                Instant reopenedAt = PayloadFields.requiredInstant(payload, "/issue/updated_at");
                changes.feed(key + ":" + reopenedAt, reopenedAt, FeedKind.ISSUE_REOPENED, sender, repository, title);
            }
        }
        return changes.folded();
    }
}
