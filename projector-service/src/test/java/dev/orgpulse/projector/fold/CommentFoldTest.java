package dev.orgpulse.projector.fold;

import static dev.orgpulse.projector.support.Payloads.delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.projector.support.Payloads;
import dev.orgpulse.testing.Fixtures;

class CommentFoldTest {

    private static final String REPO = "Codertocat/Hello-World";
    private static final long REPO_ID = 186853002L;

    static Stream<Path> editsAndDeletions() {
        return Stream.concat(Fixtures.githubFiles("issue_comment").stream(),
                Fixtures.githubFiles("pull_request_review_comment").stream())
                .filter(file -> !file.getFileName().toString().startsWith("created"));
    }

    @Test
    void aCommentOnADiffIsAReviewCommentItemOnThePullRequest() {
        ReadModelChanges changes = fold(CommentFold.onPullRequestDiffs(), "pull_request_review_comment",
                Payloads.fixture("pull_request_review_comment", "created.payload.json"));

        assertEquals(List.of(new FeedEntry("review_comment:284312630", Instant.parse("2019-05-15T15:20:37Z"),
                FeedKind.REVIEW_COMMENT, "Codertocat", REPO_ID, REPO, "Update the README with new information.", false)),
                changes.feed());
        assertTrue(changes.feed().get(0).activity());
    }

    @Test
    void aCommentOnAnIssueIsACommentItemOnTheIssue() {
        ReadModelChanges changes = fold(CommentFold.onConversations(), "issue_comment",
                Payloads.fixture("issue_comment", "created.payload.json"));

        assertEquals(List.of(new FeedEntry("comment:492700400", Instant.parse("2019-05-15T15:20:21Z"), FeedKind.COMMENT,
                "Codertocat", REPO_ID, REPO, "Spelling error in the README file", false)), changes.feed());
    }

    @Test
    void aCommentInAPullRequestsConversationIsACommentItemToo() {
        ObjectNode payload = Payloads.fixture("issue_comment", "created.payload.json");
        ObjectNode issue = (ObjectNode) payload.path("issue");
        issue.put("title", "feat: dark mode").putObject("pull_request").put("url", "https://api.github.com/pulls/3");
        ((ObjectNode) payload.path("comment")).put("id", 5L).putObject("user").put("login", "renovate[bot]")
                .put("type", "Bot");

        FeedEntry item = fold(CommentFold.onConversations(), "issue_comment", payload).feed().get(0);

        assertEquals(FeedKind.COMMENT, item.kind());
        assertEquals("feat: dark mode", item.message());
        assertEquals("renovate[bot]", item.dev());
        assertTrue(item.bot());
    }

    @ParameterizedTest
    @MethodSource("editsAndDeletions")
    void editsAndDeletionsAreIgnored(Path file) {
        String eventType = file.getParent().getFileName().toString();
        CommentFold fold = eventType.equals("issue_comment") ? CommentFold.onConversations()
                : CommentFold.onPullRequestDiffs();

        assertInstanceOf(RecordOutcome.Ignored.class, fold.fold(delivery(eventType, "d-1"), Payloads.fixture(file)));
    }

    private static ReadModelChanges fold(CommentFold fold, String eventType, ObjectNode payload) {
        return assertInstanceOf(RecordOutcome.Folded.class, fold.fold(delivery(eventType, "d-1"), payload)).changes();
    }
}
