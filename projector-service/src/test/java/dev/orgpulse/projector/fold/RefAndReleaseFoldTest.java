package dev.orgpulse.projector.fold;

import static dev.orgpulse.projector.support.Payloads.delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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

import dev.orgpulse.projector.support.Payloads;
import dev.orgpulse.testing.Fixtures;

class RefAndReleaseFoldTest {

    private static final String REPO = "Codertocat/Hello-World";
    private static final long REPO_ID = 186853002L;

    static Stream<Path> publishingReleaseFixtures() {
        return Fixtures.githubFiles("release").stream()
                .filter(file -> Set.of("created", "published", "released", "prereleased")
                        .contains(Payloads.fixture(file).path("action").asText()));
    }

    @Test
    void aCreatedTagIsATagCreatedItemDatedByThePushThatMadeIt() {
        ReadModelChanges changes = fold(RefFold.creations(), "create", Payloads.fixture("create", "payload.json"));

        Instant pushedAt = Instant.parse("2019-05-15T15:20:56Z");
        assertEquals(List.of(new FeedEntry("tag_created:" + REPO_ID + ":simple-tag:" + pushedAt, pushedAt,
                FeedKind.TAG_CREATED, "Codertocat", REPO_ID, REPO, "simple-tag", false)), changes.feed());
        assertFalse(changes.feed().get(0).activity());
    }

    @Test
    void aDeletedBranchIsABranchDeletedItem() {
        ObjectNode payload = Payloads.fixture("delete", "payload.json");
        payload.put("ref_type", "branch").put("ref", "feature/x");

        FeedEntry item = fold(RefFold.deletions(), "delete", payload).feed().get(0);

        assertEquals(FeedKind.BRANCH_DELETED, item.kind());
        assertEquals("feature/x", item.message());
    }

    @Test
    void theSameCreationDeliveredTwiceIsOneFact() {
        assertEquals(fold(RefFold.creations(), "create", Payloads.fixture("create", "payload.json")).feed(),
                fold(RefFold.creations(), "create", Payloads.fixture("create", "with-organization.payload.json")).feed());
    }

    @ParameterizedTest
    @MethodSource("publishingReleaseFixtures")
    void everyWayGitHubTellsAPublicationIsTheSameReleaseItem(Path file) {
        ReadModelChanges changes = fold(new ReleaseFold(), "release", Payloads.fixture(file));

        assertEquals(List.of(new FeedEntry("release:17372790", Instant.parse("2019-05-15T15:20:53Z"), FeedKind.RELEASE,
                "Codertocat", REPO_ID, REPO, "0.0.1", false)), changes.feed());
        assertTrue(changes.feed().get(0).activity());
    }

    @Test
    void aNamedReleaseIsShownByItsName() {
        ObjectNode payload = Payloads.fixture("release", "published.payload.json");
        ((ObjectNode) payload.path("release")).put("name", "Spring release");

        assertEquals("Spring release", fold(new ReleaseFold(), "release", payload).feed().get(0).message());
    }

    @Test
    void draftsEditsAndDeletionsAreIgnored() {
        ObjectNode draft = Payloads.fixture("release", "created.payload.json");
        ((ObjectNode) draft.path("release")).put("draft", true);

        for (ObjectNode payload : List.of(draft, Payloads.fixture("release", "edited.payload.json"),
                Payloads.fixture("release", "deleted.payload.json"))) {
            assertInstanceOf(RecordOutcome.Ignored.class, new ReleaseFold().fold(delivery("release", "d-1"), payload));
        }
    }

    private static ReadModelChanges fold(GitHubEventFold fold, String eventType, ObjectNode payload) {
        return assertInstanceOf(RecordOutcome.Folded.class, fold.fold(delivery(eventType, "d-1"), payload)).changes();
    }
}
