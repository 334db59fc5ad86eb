package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.MalformedRecordException;

/**
 * A {@code pull_request} event. Every action that changes what the pull request is (opened, closed, reopened,
 * ready for review or back to draft, reviews requested, new commits, edited, labels) brings its full picture,
 * kept if it is the newest; opened, closed (merged or not), reopened and ready for review also make a feed item. The
 * merged item is the author's (their work landed, as codewall shows it), whoever pressed the button. Assignment,
 * locking, milestones and the like change nothing the read models show and are ignored.
 */
final class PullRequestFold implements GitHubEventFold {

    private static final Set<String> FOLDED_ACTIONS = Set.of("opened", "closed", "reopened", "ready_for_review",
            "converted_to_draft", "review_requested", "review_request_removed", "synchronize", "edited", "labeled",
            "unlabeled");

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, JsonNode payload) {
        String action = PayloadFields.text(payload, "action");
        if (!FOLDED_ACTIONS.contains(action)) {
            return new RecordOutcome.Ignored(delivery, "pull_request action " + action + " is not folded");
        }
        GitHubRepository repository = GitHubRepository.required(payload);
        PullRequestRow pr = snapshot(payload, repository);
        GitHubUser author = GitHubUser.required(payload, "/pull_request/user");
        GitHubUser sender = GitHubUser.at(payload.path("sender")).orElse(author);
        ReadModelChanges.Builder changes = ReadModelChanges.of(delivery).repository(repository.snapshot())
                .person(author).person(sender).pullRequest(pr);

        String key = repository.id() + "#" + pr.number();
        switch (action) {
            case "opened" -> changes.feed("pr-opened:" + key, pr.openedAt(), FeedKind.OPENED, author, repository,
                    pr.title());
            case "reopened" -> changes.feed("pr-reopened:" + key + ":" + pr.updatedAt(), pr.updatedAt(),
                    FeedKind.REOPENED, sender, repository, pr.title());
            case "closed" -> {
                if (pr.state() == PullRequestState.MERGED) {
                    changes.feed("pr-merged:" + key, present(pr.mergedAt(), "merged_at", key), FeedKind.MERGED, author,
                            repository, pr.title());
                } else {
                    Instant closed = present(pr.closedAt(), "closed_at", key);
                    changes.feed("pr-closed:" + key + ":" + closed, closed, FeedKind.CLOSED, sender, repository,
                            pr.title());
                }
            }
            // the PR metrics read when a draft became ready from this item's fact (kept beyond the feed's window)
            case "ready_for_review" -> changes.feed("pr-ready:" + key + ":" + pr.updatedAt(), pr.updatedAt(),
                    FeedKind.READY_FOR_REVIEW, sender, repository, pr.title());
            default -> {
                // the picture of the pull request is all these actions change
            }
        }
        return changes.folded();
    }

    /** The pull request as the {@code pull_request} object of a payload pictures it. */
    private static PullRequestRow snapshot(JsonNode payload, GitHubRepository repository) {
        JsonNode pr = payload.path("pull_request");
        int number = PayloadFields.requiredInt(payload, "/pull_request/number");
        String title = PayloadFields.requiredText(payload, "/pull_request/title");
        GitHubUser author = GitHubUser.required(payload, "/pull_request/user");
        Instant mergedAt = PayloadFields.instant(pr, "/merged_at");
        boolean merged = pr.path("merged").asBoolean(false) || mergedAt != null;
        PullRequestState state = merged ? PullRequestState.MERGED
                : "closed".equals(PayloadFields.text(pr, "state")) ? PullRequestState.CLOSED : PullRequestState.OPEN;
        return new PullRequestRow(repository.id(), number, repository.fullName(), PayloadFields.longValue(pr, "/id"),
                title, PullRequestType.ofTitle(title), author.login(), PayloadFields.textAt(pr, "/user/type"),
                author.bot(), state, pr.path("draft").asBoolean(false), PayloadFields.textAt(pr, "/base/ref"),
                PayloadFields.textAt(pr, "/head/ref"), PayloadFields.integer(pr, "/additions"),
                PayloadFields.integer(pr, "/deletions"), PayloadFields.integer(pr, "/changed_files"),
                PayloadFields.integer(pr, "/commits"), sortedTexts(pr.path("labels"), "name"),
                sortedTexts(pr.path("requested_reviewers"), "login"),
                PayloadFields.requiredInstant(payload, "/pull_request/created_at"), mergedAt,
                PayloadFields.instant(pr, "/closed_at"), PayloadFields.textAt(pr, "/merged_by/login"),
                PayloadFields.requiredInstant(payload, "/pull_request/updated_at"));
    }

    /** The {@code field} of each object of an array, sorted: the same set always reads the same. */
    private static List<String> sortedTexts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : array) {
            String text = PayloadFields.text(element, field);
            if (text != null) {
                texts.add(text);
            }
        }
        texts.sort(null);
        return texts;
    }

    private static Instant present(Instant instant, String field, String key) {
        if (instant == null) {
            throw new MalformedRecordException("closed pull request " + key + " has no " + field);
        }
        return instant;
    }
}
