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
    private static final long REPO_ID = 186853002L;
    private static final String TITLE = "Update the README with new information.";
    private static final Instant CREATED_AT = Instant.parse("2019-05-15T15:20:33Z");
    private static final Instant CLOSED_AT = Instant.parse("2019-05-15T15:21:18Z");
    private static final Set<String> FOLDED_ACTIONS = Set.of("opened", "closed", "reopened", "ready_for_review",
            "converted_to_draft", "review_requested", "review_request_removed", "synchronize", "edited", "labeled",
            "unlabeled");

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

        assertEquals(List.of(new PullRequestRow(REPO_ID, 2, REPO, 279147437L, TITLE, PullRequestType.OTHER,
                "Codertocat", "User", false, PullRequestState.OPEN, false, "master", "changes", 1, 1, 1, 1,
                List.of("bug"), List.of("octocat"), CREATED_AT, null, null, null, CREATED_AT)), changes.pullRequests());
        assertEquals(List.of(new FeedEntry("pr-opened:" + REPO_ID + "#2", CREATED_AT, FeedKind.OPENED, "Codertocat",
                REPO_ID, REPO, TITLE, false)), changes.feed());
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
        assertEquals(List.of(new FeedEntry("pr-closed:" + REPO_ID + "#2:2019-05-15T15:21:18Z", CLOSED_AT,
                FeedKind.CLOSED, "Codertocat", REPO_ID, REPO, TITLE, false)), changes.feed());
    }

    @Test
    void closedWithMergeIsMergedAndAMergedItemByItsAuthorWhoeverMergedIt() {
        ReadModelChanges changes = changes(Payloads.merged(REPO, 2, "2019-05-15T15:21:18Z", "hubot"));

        PullRequestRow pr = changes.pullRequests().get(0);
        assertEquals(PullRequestState.MERGED, pr.state());
        assertEquals(CLOSED_AT, pr.mergedAt());
        assertEquals("Codertocat", pr.authorLogin());
        long repoId = Payloads.repositoryId(REPO);
        assertEquals(List.of(new FeedEntry("pr-merged:" + repoId + "#2", CLOSED_AT, FeedKind.MERGED, "Codertocat",
                repoId, REPO, TITLE, false)), changes.feed());
        assertEquals(List.of("Codertocat", "hubot"), changes.people().stream().map(PersonRow::login).toList());
    }

    @ParameterizedTest
    @MethodSource("reopenedFixtures")
    void reopenedIsOpenAgainAndAReopenedItemAtItsUpdateTime(Path file) {
        ReadModelChanges changes = changes(Payloads.fixture(file));

        assertEquals(PullRequestState.OPEN, changes.pullRequests().get(0).state());
        assertEquals(List.of(new FeedEntry("pr-reopened:" + REPO_ID + "#2:2019-05-15T15:20:33Z", CREATED_AT,
                FeedKind.REOPENED, "Codertocat", REPO_ID, REPO, TITLE, false)), changes.feed());
    }

    @ParameterizedTest
    @MethodSource("otherActionFixtures")
    void otherActionsAreIgnored(Path file) {
        RecordOutcome outcome = fold.fold(delivery("pull_request", "delivery-1"), Payloads.fixture(file));

        RecordOutcome.Ignored ignored = assertInstanceOf(RecordOutcome.Ignored.class, outcome, file.toString());
        assertTrue(ignored.reason().contains(Payloads.fixture(file).path("action").asText()), ignored.reason());
    }

    @Test
    void aBotMergingLeavesTheMergedItemAndItsBotFlagTheAuthors() {
        ObjectNode payload = Payloads.merged(REPO, 2, "2019-05-15T15:21:18Z", "github-actions[bot]");

        ReadModelChanges changes = changes(payload);

        assertFalse(changes.pullRequests().get(0).bot());
        assertEquals("Codertocat", changes.feed().get(0).dev());
        assertFalse(changes.feed().get(0).bot());
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

    static Stream<Path> pictureOnlyFixtures() {
        return Fixtures.githubFiles("pull_request").stream().filter(file -> {
            String action = Payloads.fixture(file).path("action").asText();
            return FOLDED_ACTIONS.contains(action)
                    && !Set.of("opened", "closed", "reopened", "ready_for_review").contains(action);
        });
    }

    @ParameterizedTest
    @MethodSource("pictureOnlyFixtures")
    void actionsThatChangeThePullRequestBringItsPictureAndNoItem(Path file) {
        ObjectNode payload = Payloads.fixture(file);
        ReadModelChanges changes = changes(payload);

        PullRequestRow pr = changes.pullRequests().get(0);
        assertEquals(payload.at("/pull_request/draft").asBoolean(), pr.draft(), file.toString());
        assertEquals(payload.at("/pull_request/updated_at").asText(), pr.updatedAt().toString());
        assertEquals(List.of(), changes.feed());
    }

    @ParameterizedTest
    @MethodSource("readyForReviewFixtures")
    void readyForReviewIsAReadyItemAtItsUpdateTimeWhereTheWaitForAFirstReviewStarts(Path file) {
        ObjectNode payload = Payloads.fixture(file);
        ReadModelChanges changes = changes(payload);

        PullRequestRow pr = changes.pullRequests().get(0);
        assertFalse(pr.draft());
        FeedEntry ready = new FeedEntry("pr-ready:" + REPO_ID + "#2:" + pr.updatedAt(), pr.updatedAt(),
                FeedKind.READY_FOR_REVIEW, payload.at("/sender/login").asText(), REPO_ID, REPO, TITLE, false);
        assertEquals(List.of(ready), changes.feed());
        assertFalse(ready.activity());
    }

    static Stream<Path> readyForReviewFixtures() {
        return fixtures("ready_for_review");
    }

    @Test
    void anEditedTitleRenamesThePullRequestAndRetypesIt() {
        ObjectNode payload = Payloads.fixture("pull_request", "opened.payload.json");
        payload.put("action", "edited");
        payload.putObject("changes").putObject("title").put("from", TITLE);
        ((ObjectNode) payload.path("pull_request")).put("title", "fix: the README").put("updated_at",
                "2019-05-15T15:25:00Z");

        PullRequestRow pr = changes(payload).pullRequests().get(0);

        assertEquals("fix: the README", pr.title());
        assertEquals(PullRequestType.FIX, pr.type());
        assertTrue(pr.revision().compareTo(changes(Payloads.fixture("pull_request", "opened.payload.json"))
                .pullRequests().get(0).revision()) > 0);
    }

    @Test
    void labelsAndRequestedReviewersArePartOfThePicture() {
        ObjectNode unlabeling = Payloads.fixture("pull_request", "unlabeled.payload.json");
        ((ObjectNode) unlabeling.path("pull_request")).putArray("labels");
        PullRequestRow unlabeled = changes(unlabeling).pullRequests().get(0);
        PullRequestRow labeled = changes(Payloads.fixture("pull_request", "labeled.payload.json")).pullRequests().get(0);

        assertEquals(List.of("bug"), labeled.labels());
        assertEquals(List.of("octocat"), labeled.requestedReviewers());
        assertEquals(List.of(), unlabeled.labels());
        assertTrue(unlabeled.revision().compareTo(labeled.revision()) > 0, "unlabeled is a second later");
    }

    @Test
    void ofTwoPicturesFromTheSameSecondTheClosedOneWins() {
        PullRequestRow closed = changes(Payloads.fixture("pull_request", "closed.payload.json")).pullRequests().get(0);
        PullRequestRow readyForReview = changes(Payloads.fixture("pull_request", "ready_for_review.payload.json"))
                .pullRequests().get(0);

        assertEquals(closed.updatedAt(), readyForReview.updatedAt());
        assertTrue(closed.revision().compareTo(readyForReview.revision()) > 0);
    }

    @Test
    void sizeAndBranchesComeFromThePicture() {
        ObjectNode payload = Payloads.fixture("pull_request", "synchronize.payload.json");
        ((ObjectNode) payload.path("pull_request")).put("additions", 120).put("deletions", 30).put("changed_files", 7);

        PullRequestRow pr = changes(payload).pullRequests().get(0);

        assertEquals(List.of(120, 30, 7), List.of(pr.additions(), pr.deletions(), pr.changedFiles()));
        assertEquals("master", pr.baseRef());
        assertEquals("changes", pr.headRef());
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
