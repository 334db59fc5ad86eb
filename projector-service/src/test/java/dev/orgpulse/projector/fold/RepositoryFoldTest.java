package dev.orgpulse.projector.fold;

import static dev.orgpulse.projector.support.Payloads.commit;
import static dev.orgpulse.projector.support.Payloads.delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.projector.support.Payloads;

class RepositoryFoldTest {

    private static final long REPO_ID = 186853261L;

    private final RepositoryFold fold = new RepositoryFold();

    @Test
    void aRenameIsItsOwnPictureAndARepoRenamedItemFromTheOldName() {
        ReadModelChanges changes = changes(Payloads.fixture("repository", "renamed.payload.json"));

        RepositoryRow repository = changes.repositories().get(0);
        assertEquals(REPO_ID, repository.id());
        assertEquals(RepositoryRow.Source.OWN_EVENT, repository.source());
        FeedEntry item = changes.feed().get(0);
        assertEquals(FeedKind.REPO_RENAMED, item.kind());
        assertEquals("Octocoders/Hello-World → Octocoders/Hello-World", item.message());
        assertEquals("repo_renamed:" + REPO_ID + ":" + Payloads.RECEIVED_AT, item.naturalKey());
        assertFalse(item.activity());
    }

    @Test
    void historyFollowsTheNewNameWhicheverOrderThePicturesAreFoldedIn() {
        ObjectNode oldPush = Payloads.push("acme/old-name", "main", commit(Payloads.sha(), "Before", "octo",
                "2024-03-01T09:00:00Z"));
        ((ObjectNode) oldPush.path("repository")).put("id", REPO_ID).put("updated_at", "2024-03-01T09:00:00Z")
                .put("pushed_at", 1709283600L); // 2024-03-01T09:00:00Z
        ObjectNode renamed = Payloads.fixture("repository", "renamed.payload.json");
        ((ObjectNode) renamed.path("repository")).put("full_name", "acme/new-name").put("name", "new-name")
                .put("updated_at", "2024-03-02T10:00:00Z");

        RepositoryRow before = assertInstanceOf(RecordOutcome.Folded.class,
                new PushFold().fold(delivery("push", "d-1"), oldPush)).changes().repositories().get(0);
        RepositoryRow after = changes(renamed).repositories().get(0);

        assertEquals(before.id(), after.id());
        assertEquals("acme/new-name", List.of(before, after).stream()
                .max((a, b) -> a.revision().compareTo(b.revision())).orElseThrow().fullName());
    }

    @Test
    void atTheSameTimeTheRepositorysOwnEventWinsAndADeletionWinsOverAll() {
        // the same repository object, once carried by another event, once by its own
        RepositoryRow carriedPicture = GitHubRepository.required(Payloads.fixture("repository", "edited.payload.json"))
                .snapshot();
        RepositoryRow ownPicture = changes(Payloads.fixture("repository", "edited.payload.json")).repositories().get(0);
        ObjectNode deletion = Payloads.fixture("repository", "edited.payload.json");
        deletion.put("action", "deleted");
        RepositoryRow deleted = changes(deletion).repositories().get(0);

        assertEquals(carriedPicture.asOf(), ownPicture.asOf());
        assertTrue(ownPicture.revision().compareTo(carriedPicture.revision()) > 0);
        assertTrue(deleted.deleted());
        assertTrue(deleted.revision().compareTo(ownPicture.revision()) > 0);
        assertEquals(FeedKind.REPO_DELETED, changes(deletion).feed().get(0).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"edited.payload.json", "privatized.payload.json", "publicized.payload.json"})
    void otherActionsUpdateThePictureWithoutItem(String file) {
        ReadModelChanges changes = changes(Payloads.fixture("repository", file));

        assertEquals(1, changes.repositories().size());
        assertEquals(List.of(), changes.feed());
    }

    @Test
    void aTransferSaysWhereTheRepositoryCameFrom() {
        assertEquals("octocat/Hello-World → Octocoders/Hello-World",
                changes(Payloads.fixture("repository", "transferred.payload.json")).feed().get(0).message());
    }

    private ReadModelChanges changes(ObjectNode payload) {
        return assertInstanceOf(RecordOutcome.Folded.class, fold.fold(delivery("repository", "d-1"), payload)).changes();
    }
}
