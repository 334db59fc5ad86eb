package dev.orgpulse.projector.fold;

import static dev.orgpulse.projector.support.Payloads.delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.projector.support.Payloads;

class IssueFoldTest {

    private static final String REPO = "Codertocat/Hello-World";
    private static final long REPO_ID = 186853002L;
    private static final String TITLE = "Spelling error in the README file";

    private final IssueFold fold = new IssueFold();

    @Test
    void openedIsAnIssueOpenedItemByItsAuthor() {
        assertEquals(List.of(new FeedEntry("issue-opened:444500041", Instant.parse("2019-05-15T15:20:18Z"),
                FeedKind.ISSUE_OPENED, "Codertocat", REPO_ID, REPO, TITLE, false)),
                changes(Payloads.fixture("issues", "opened.payload.json")).feed());
    }

    @Test
    void closedIsAnIssueClosedItemByWhoClosedItAtItsClosingTime() {
        ObjectNode payload = Payloads.fixture("issues", "opened.payload.json");
        payload.put("action", "closed");
        ((ObjectNode) payload.path("issue")).put("state", "closed").put("closed_at", "2019-05-16T08:00:00Z");
        Payloads.sender(payload, "octocat", "User");

        assertEquals(List.of(new FeedEntry("issue-closed:444500041:2019-05-16T08:00:00Z",
                Instant.parse("2019-05-16T08:00:00Z"), FeedKind.ISSUE_CLOSED, "octocat", REPO_ID, REPO, TITLE, false)),
                changes(payload).feed());
    }

    @Test
    void reopenedIsAnIssueReopenedItemAtItsUpdateTime() {
        assertEquals(List.of(new FeedEntry("issue-reopened:444500041:2021-10-11T16:40:56Z",
                Instant.parse("2021-10-11T16:40:56Z"), FeedKind.ISSUE_REOPENED, "Codertocat", REPO_ID, REPO, TITLE,
                false)), changes(Payloads.fixture("issues", "reopened.payload.json")).feed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"labeled.payload.json", "assigned.payload.json", "edited.payload.json",
            "transferred.payload.json", "deleted.payload.json", "pinned.payload.json"})
    void otherActionsAreIgnored(String file) {
        assertInstanceOf(RecordOutcome.Ignored.class,
                fold.fold(delivery("issues", "d-1"), Payloads.fixture("issues", file)));
    }

    private ReadModelChanges changes(ObjectNode payload) {
        return assertInstanceOf(RecordOutcome.Folded.class, fold.fold(delivery("issues", "d-1"), payload)).changes();
    }
}
