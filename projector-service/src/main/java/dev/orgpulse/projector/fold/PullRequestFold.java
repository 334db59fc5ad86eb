package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.MalformedRecordException;

/**
 * A {@code pull_request} opened, closed (merged or not) or reopened: the pull request's row and one feed item.
 * Other actions change nothing the read models show yet and are ignored.
 */
final class PullRequestFold implements GitHubEventFold {

    private static final Set<String> FOLDED_ACTIONS = Set.of("opened", "closed", "reopened");

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, JsonNode payload) {
        String action = PayloadFields.text(payload, "action");
        if (!FOLDED_ACTIONS.contains(action)) {
            return new RecordOutcome.Ignored(delivery, "pull_request action " + action + " is not folded");
        }
        JsonNode pr = payload.path("pull_request");
        String repo = PayloadFields.requiredText(payload, "/repository/full_name");
        int number = PayloadFields.requiredInt(payload, "/pull_request/number");
        String title = PayloadFields.requiredText(payload, "/pull_request/title");
        GitHubUser author = GitHubUser.required(payload, "/pull_request/user");
        GitHubUser sender = GitHubUser.at(payload.path("sender")).orElse(author);
        Instant createdAt = PayloadFields.requiredInstant(payload, "/pull_request/created_at");
        Instant updatedAt = PayloadFields.requiredInstant(payload, "/pull_request/updated_at");
        Instant mergedAt = PayloadFields.instant(payload, "/pull_request/merged_at");
        Instant closedAt = PayloadFields.instant(payload, "/pull_request/closed_at");
        boolean merged = pr.path("merged").asBoolean(false) || mergedAt != null;
        PullRequestState state = merged ? PullRequestState.MERGED
                : "closed".equals(PayloadFields.text(pr, "state")) ? PullRequestState.CLOSED : PullRequestState.OPEN;

        PullRequestRow row = new PullRequestRow(repo, number, title, author.login(), author.bot(), state,
                pr.path("draft").asBoolean(false), createdAt, mergedAt, closedAt, updatedAt);
        String key = repo + "#" + number;
        FeedEntry item = switch (action) {
            case "opened" -> new FeedEntry("pr-opened:" + key, createdAt, FeedKind.OPENED, author.login(), repo, title,
                    author.bot());
            case "reopened" -> new FeedEntry("pr-reopened:" + key + ":" + updatedAt, updatedAt, FeedKind.REOPENED,
                    sender.login(), repo, title, sender.bot());
            default -> closing(merged, key, mergedAt, closedAt, sender, repo, title);
        };
        List<PersonRow> people = ReadModelChanges.peopleByLogin(List.of(
                author.asPerson(delivery.receivedAt()), sender.asPerson(delivery.receivedAt())));
        return new RecordOutcome.Folded(delivery, new ReadModelChanges(people, List.of(), List.of(row), List.of(item)));
    }

    private static FeedEntry closing(boolean merged, String key, Instant mergedAt, Instant closedAt, GitHubUser sender,
            String repo, String title) {
        if (merged) {
            return new FeedEntry("pr-merged:" + key, present(mergedAt, "merged_at", key), FeedKind.MERGED, sender.login(),
                    repo, title, sender.bot());
        }
        Instant closed = present(closedAt, "closed_at", key);
        return new FeedEntry("pr-closed:" + key + ":" + closed, closed, FeedKind.CLOSED, sender.login(), repo, title,
                sender.bot());
    }

    private static Instant present(Instant instant, String field, String key) {
        if (instant == null) {
            throw new MalformedRecordException("closed pull request " + key + " has no " + field);
        }
        return instant;
    }
}
