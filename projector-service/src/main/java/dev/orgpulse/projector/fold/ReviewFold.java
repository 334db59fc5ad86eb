package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * A {@code pull_request_review} submitted or dismissed: the review by its id (what the pull request's first review,
 * review count and approvals are computed from), and for a submission a {@code review} feed item. A review that
 * only comments and says nothing itself is the envelope of inline comments, each of which is a
 * {@code review_comment} item already: it makes no item of its own, so one reply counts once. The author's review of
 * their own pull request (a reply in a thread) is no review either: it makes no item.
 */
final class ReviewFold implements GitHubEventFold {

    private static final String COMMENTED = "commented";

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, JsonNode payload) {
        String action = PayloadFields.text(payload, "action");
        boolean dismissed = "dismissed".equals(action);
        if (!dismissed && !"submitted".equals(action)) {
            return new RecordOutcome.Ignored(delivery, "pull_request_review action " + action + " is not folded");
        }
        GitHubRepository repository = GitHubRepository.required(payload);
        long reviewId = PayloadFields.requiredLong(payload, "/review/id");
        int number = PayloadFields.requiredInt(payload, "/pull_request/number");
        GitHubUser reviewer = GitHubUser.required(payload, "/review/user");
        Instant submittedAt = PayloadFields.firstPresent(PayloadFields.instant(payload, "/review/submitted_at"),
                delivery.receivedAt());
        String state = dismissed ? null
                : PayloadFields.requiredText(payload, "/review/state").toLowerCase(Locale.ROOT);
        ReadModelChanges.Builder changes = ReadModelChanges.of(delivery).repository(repository.snapshot())
                .person(reviewer).person(GitHubUser.at(payload.path("sender")))
                .review(new ReviewRow(reviewId, repository.id(), repository.fullName(), number, reviewer.login(),
                        reviewer.bot(), state, dismissed, submittedAt));
        boolean saysSomething = !COMMENTED.equals(state) || PayloadFields.textAt(payload, "/review/body") != null;
        boolean byAuthor = reviewer.login().equals(PayloadFields.textAt(payload, "/pull_request/user/login"));
        if (!dismissed && saysSomething && !byAuthor) {
            String title = PayloadFields.requiredText(payload, "/pull_request/title");
            changes.feed("review:" + reviewId, submittedAt, FeedKind.REVIEW, reviewer, repository,
                    state.replace('_', ' ') + ": " + title);
        }
        return changes.folded();
    }
}
