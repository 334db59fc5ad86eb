package dev.orgpulse.projector.fold;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * A comment created on a pull request's diff ({@code pull_request_review_comment}: a {@code review_comment} item)
 * or in the conversation of an issue or pull request ({@code issue_comment}: a {@code comment} item), by the
 * comment's id, with the title of what it is on as the message. Edits and deletions change nothing the read
 * models show: the comment was made.
 */
final class CommentFold implements GitHubEventFold {

    private final FeedKind kind;
    private final String subject;

    private CommentFold(FeedKind kind, String subject) {
        this.kind = kind;
        this.subject = subject;
    }

    static CommentFold onPullRequestDiffs() {
        return new CommentFold(FeedKind.REVIEW_COMMENT, "pull_request");
    }

    static CommentFold onConversations() {
        return new CommentFold(FeedKind.COMMENT, "issue");
    }

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, JsonNode payload) {
        String action = PayloadFields.text(payload, "action");
        if (!"created".equals(action)) {
            return new RecordOutcome.Ignored(delivery, delivery.eventType() + " action " + action + " is not folded");
        }
        GitHubRepository repository = GitHubRepository.required(payload);
        long commentId = PayloadFields.requiredLong(payload, "/comment/id");
        GitHubUser author = GitHubUser.required(payload, "/comment/user");
        return ReadModelChanges.of(delivery).repository(repository.snapshot()).person(author)
                .feed(kind.wireName() + ":" + commentId, PayloadFields.requiredInstant(payload, "/comment/created_at"),
                        kind, author, repository, PayloadFields.requiredText(payload, "/" + subject + "/title"))
                .folded();
    }
}
