package dev.orgpulse.projector.fold;

import static dev.orgpulse.projector.support.Payloads.delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.MalformedRecordException;
import dev.orgpulse.projector.support.Payloads;
import dev.orgpulse.testing.Fixtures;

class PullRequestFoldTest {

    private static final String REPO = "Codertocat/Hello-World";
    private static final String TITLE = "Update the README with new information.";
    private static final Instant CREATED_AT = Instant.parse("2019-05-15T15:20:33Z");
    private static final Instant CLOSED_AT = Instant.parse("2019-05-15T15:21:18Z");
    private static final Set<String> FOLDED_ACTIONS = Set.of("opened", "closed", "reopened");

    private final PullRequestFold fold = new PullRequestFold();

    static Stream<Path> fixtures(String action) {
        return Fixtures.githubFiles("pull_request").stream()
                .filter(file -> file.getFileName().toString().startsWith(action + "."));
    }

    static Stream<Path> openedFixtures() {
        return fixtures("opened");
    }

    static Stream<Path> closedFixtures() {
        return fixtures("closed");
    }

    static Stream<Path> reopenedFixtures() {
        return fixtures("reopened");
    }

    static Stream<Path> otherActionFixtures() {
        return Fixtures.githubFiles("pull_request").stream()
                .filter(file -> !FOLDED_ACTIONS.contains(Payloads.fixture(file).path("action").asText()));
    }

    @ParameterizedTest
    @MethodSource("openedFixtures")
    void openedIsAnOpenPullRequestAndAnOpenedItemByItsAuthor(Path file) {
        ReadModelChanges changes = changes(Payloads.fixture(file));

        assertEquals(List.of(new PullRequestRow(REPO, 2, TITLE, "Codertocat", false, PullRequestState.OPEN, false,
                CREATED_AT, null, null, CREATED_AT)), changes.pullRequests());
        assertEquals(List.of(new FeedEntry("pr-opened:" + REPO + "#2", CREATED_AT, FeedKind.OPENED, "Codertocat", REPO,
                TITLE, false)), changes.feed());
        assertEquals(List.of("Codertocat"), changes.people().stream().map(PersonRow::login).toList());
        assertEquals(List.of(), changes.commits());
    }

    @ParameterizedTest
    @MethodSource("closedFixtures")
    void closedWithoutMergeIsClosedAndAClosedItemBySender(Path file) {
        ReadModelChanges changes = changes(Payloads.fixture(file));

        PullRequestRow pr = changes.pullRequests().get(0);
        assertEquals(PullRequestState.CLOSED, pr.state());
        assertEquals(CLOSED_AT, pr.closedAt());
        assertEquals(CLOSED_AT, pr.updatedAt());
        assertNull(pr.mergedAt());
        assertEquals(List.of(new FeedEntry("pr-closed:" + REPO + "#2:2019-05-15T15:21:18Z", CLOSED_AT, FeedKind.CLOSED,
                "Codertocat", REPO, TITLE, false)), changes.feed());
    }

    @Test
    void closedWithMergeIsMergedAndAMergedItemByWhoMergedIt() {
        ReadModelChanges changes = changes(Payloads.merged(REPO, 2, "2019-05-15T15:21:18Z", "hubot"));

        PullRequestRow pr = changes.pullRequests().get(0);
        assertEquals(PullRequestState.MERGED, pr.state());
        assertEquals(CLOSED_AT, pr.mergedAt());
        assertEquals("Codertocat", pr.authorLogin());
        assertEquals(List.of(new FeedEntry("pr-merged:" + REPO + "#2", CLOSED_AT, FeedKind.MERGED, "hubot", REPO, TITLE,
                false)), changes.feed());
        assertEquals(List.of("Codertocat", "hubot"), changes.people().stream().map(PersonRow::login).toList());
    }

    @ParameterizedTest
    @MethodSource("reopenedFixtures")
    void reopenedIsOpenAgainAndAReopenedItemAtItsUpdateTime(Path file) {
        ReadModelChanges changes = changes(Payloads.fixture(file));

        assertEquals(PullRequestState.OPEN, changes.pullRequests().get(0).state());
        assertEquals(List.of(new FeedEntry("pr-reopened:" + REPO + "#2:2019-05-15T15:20:33Z", CREATED_AT,
                FeedKind.REOPENED, "Codertocat", REPO, TITLE, false)), changes.feed());
    }

    @ParameterizedTest
    @MethodSource("otherActionFixtures")
    void otherActionsAreIgnored(Path file) {
        RecordOutcome outcome = fold.fold(delivery("pull_request", "delivery-1"), Payloads.fixture(file));

        RecordOutcome.Ignored ignored = assertInstanceOf(RecordOutcome.Ignored.class, outcome, file.toString());
        assertTrue(ignored.reason().contains(Payloads.fixture(file).path("action").asText()), ignored.reason());
    }

    @Test
    void aBotMergingIsMarkedOnItsItemNotOnThePullRequest() {
        ObjectNode payload = Payloads.merged(REPO, 2, "2019-05-15T15:21:18Z", "github-actions[bot]");

        ReadModelChanges changes = changes(payload);

        assertFalse(changes.pullRequests().get(0).bot());
        assertTrue(changes.feed().get(0).bot());
        assertTrue(changes.people().stream().filter(p -> p.login().equals("github-actions[bot]")).findFirst()
                .orElseThrow().bot());
    }

    @Test
    void aPullRequestByAnAppUserIsABotPullRequest() {
        ObjectNode payload = Payloads.fixture("pull_request", "opened.payload.json");
        ((ObjectNode) payload.path("pull_request").path("user")).put("login", "renovate").put("type", "Bot");

        ReadModelChanges changes = changes(payload);

        assertTrue(changes.pullRequests().get(0).bot());
        assertTrue(changes.feed().get(0).bot());
        assertEquals("renovate", changes.feed().get(0).dev());
    }

    @Test
    void aDraftStaysADraft() {
        ObjectNode payload = Payloads.fixture("pull_request", "opened.payload.json");
        ((ObjectNode) payload.path("pull_request")).put("draft", true);

        assertTrue(changes(payload).pullRequests().get(0).draft());
    }

    @Test
    void aPullRequestWithoutTitleIsMalformed() {
        ObjectNode payload = Payloads.fixture("pull_request", "opened.payload.json");
        ((ObjectNode) payload.path("pull_request")).putNull("title");

        assertThrows(MalformedRecordException.class, () -> fold.fold(delivery("pull_request", "delivery-1"), payload));
    }

    @Test
    void aClosedPullRequestWithoutClosedAtIsMalformed() {
        ObjectNode payload = Payloads.fixture("pull_request", "closed.payload.json");
        ((ObjectNode) payload.path("pull_request")).putNull("closed_at");

        assertThrows(MalformedRecordException.class, () -> fold.fold(delivery("pull_request", "delivery-1"), payload));
    }

    private ReadModelChanges changes(ObjectNode payload) {
        RecordOutcome outcome = fold.fold(delivery("pull_request", "delivery-1"), payload);
        return assertInstanceOf(RecordOutcome.Folded.class, outcome).changes();
    }
}
