package dev.orgpulse.projector.fold;

import static dev.orgpulse.projector.support.Payloads.delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.projector.support.Payloads;

class ReviewFoldTest {

    private static final String REPO = "Codertocat/Hello-World";
    private static final long REPO_ID = 186853002L;
    private static final Instant SUBMITTED_AT = Instant.parse("2019-05-15T15:20:38Z");

    private final ReviewFold fold = new ReviewFold();

    @Test
    void anApprovalIsAReviewRowAndAReviewItemByTheReviewer() {
        ReadModelChanges changes = changes(approvedBy("octocat"));

        assertEquals(List.of(new ReviewRow(237895671L, REPO_ID, REPO, 2, "octocat", false, "approved", false,
                SUBMITTED_AT)), changes.reviews());
        assertEquals(List.of(new FeedEntry("review:237895671", SUBMITTED_AT, FeedKind.REVIEW, "octocat", REPO_ID, REPO,
                "approved: Update the README with new information.", false)), changes.feed());
        assertTrue(changes.feed().get(0).activity());
    }

    @Test
    void changesRequestedReadsAsWords() {
        ObjectNode payload = approvedBy("octocat");
        ((ObjectNode) payload.path("review")).put("state", "CHANGES_REQUESTED");

        ReadModelChanges changes = changes(payload);

        assertEquals("changes_requested", changes.reviews().get(0).state());
        assertEquals("changes requested: Update the README with new information.", changes.feed().get(0).message());
    }

    @Test
    void aCommentOnlyReviewThatSaysNothingIsTheEnvelopeOfItsInlineCommentsAndMakesNoItem() {
        ReadModelChanges changes = changes(Payloads.fixture("pull_request_review", "submitted.payload.json"));

        assertEquals("commented", changes.reviews().get(0).state());
        assertEquals(List.of(), changes.feed());
    }

    @Test
    void aCommentOnlyReviewWithABodyIsAnItem() {
        ObjectNode payload = approvedBy("octocat");
        ((ObjectNode) payload.path("review")).put("state", "commented").put("body", "Looks fine, one question.");

        assertEquals(FeedKind.REVIEW, changes(payload).feed().get(0).kind());
    }

    @Test
    void theAuthorsReviewOfTheirOwnPullRequestIsAReviewRowButNoReviewItem() {
        ObjectNode payload = approvedBy("Codertocat");
        ((ObjectNode) payload.path("review")).put("state", "commented").put("body", "Answered inline.");

        ReadModelChanges changes = changes(payload);

        assertEquals("Codertocat", payload.at("/pull_request/user/login").asText());
        assertEquals("Codertocat", changes.reviews().get(0).reviewer());
        assertEquals(List.of(), changes.feed());
    }

    @Test
    void aDismissalMarksTheReviewWithoutRepeatingItsStateAndMakesNoItem() {
        ReadModelChanges changes = changes(Payloads.fixture("pull_request_review", "dismissed.payload.json"));

        assertEquals(List.of(new ReviewRow(237895671L, REPO_ID, REPO, 2, "Codertocat", false, null, true,
                SUBMITTED_AT)), changes.reviews());
        assertEquals(List.of(), changes.feed());
    }

    @Test
    void theSameReviewDeliveredTwiceIsTheSameFact() {
        assertEquals(changes(approvedBy("octocat")).feed(), changes(approvedBy("octocat")).feed());
    }

    @Test
    void aBotReviewerIsMarked() {
        ReadModelChanges changes = changes(approvedBy("copilot[bot]"));

        assertTrue(changes.reviews().get(0).bot());
        assertTrue(changes.feed().get(0).bot());
    }

    @Test
    void editsAreIgnored() {
        ObjectNode payload = approvedBy("octocat");
        payload.put("action", "edited");

        assertInstanceOf(RecordOutcome.Ignored.class, fold.fold(delivery("pull_request_review", "d-1"), payload));
    }

    /** The submitted fixture, approved by another user than the pull request's author. */
    static ObjectNode approvedBy(String login) {
        ObjectNode payload = Payloads.fixture("pull_request_review", "submitted.payload.json");
        ObjectNode review = (ObjectNode) payload.path("review");
        review.put("state", "approved");
        review.putObject("user").put("login", login).put("type", login.endsWith("[bot]") ? "Bot" : "User");
        return payload;
    }

    private ReadModelChanges changes(ObjectNode payload) {
        return assertInstanceOf(RecordOutcome.Folded.class, fold.fold(delivery("pull_request_review", "d-1"), payload))
                .changes();
    }
}
