package dev.orgpulse.projector.fold;

import static dev.orgpulse.projector.support.Payloads.commit;
import static dev.orgpulse.projector.support.Payloads.delivery;
import static dev.orgpulse.projector.support.Payloads.fixture;
import static dev.orgpulse.projector.support.Payloads.push;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.MalformedRecordException;
import dev.orgpulse.projector.support.Payloads;
import dev.orgpulse.testing.Fixtures;

class PushFoldTest {

    private static final String FIXTURE_SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
    private static final String FIXTURE_REPO = "Codertocat/Hello-World";
    private static final long FIXTURE_REPO_ID = 186853002L;
    private static final String CODERTOCAT_EMAIL = "21031067+Codertocat@users.noreply.github.com";
    private static final String CODERTOCAT_AVATAR = "https://avatars1.githubusercontent.com/u/21031067?v=4";

    private final PushFold fold = new PushFold();

    static Stream<Path> pushFixtures() {
        return Fixtures.githubFiles("push").stream();
    }

    @ParameterizedTest
    @MethodSource("pushFixtures")
    void everyPushFixtureFoldsWithItsSenderAsAPerson(Path file) {
        ObjectNode payload = Payloads.fixture(file);
        ReadModelChanges changes = changes(payload);

        boolean tag = payload.path("ref").asText().startsWith("refs/tags/");
        assertEquals(tag ? 0 : 1, changes.commits().size(), file.toString());
        assertEquals(changes.commits().size(), changes.feed().size());
        assertEquals(List.of(), changes.pullRequests());
        PersonRow sender = changes.people().get(0);
        assertEquals("Codertocat", sender.login());
        assertEquals(CODERTOCAT_AVATAR, sender.avatarUrl());
        assertFalse(sender.bot());
        assertEquals(Payloads.RECEIVED_AT, sender.seenAt());
    }

    @Test
    void aBranchPushBringsItsCommitAndACommitFeedItem() {
        ReadModelChanges changes = changes(fixture("push", "with-new-branch.payload.json"));

        CommitRow commit = changes.commits().get(0);
        assertEquals(new CommitRow(FIXTURE_SHA, FIXTURE_REPO_ID, FIXTURE_REPO, "Codertocat", "Codertocat",
                CODERTOCAT_EMAIL, "Initial commit", Instant.parse("2019-05-15T15:19:25Z"), "master", true, false,
                List.of(), "delivery-1"), commit);
        assertEquals(List.of(new FeedEntry("commit:" + FIXTURE_SHA, Instant.parse("2019-05-15T15:19:25Z"),
                FeedKind.COMMIT, "Codertocat", FIXTURE_REPO_ID, FIXTURE_REPO, "Initial commit", false)), changes.feed());
        // The sender and the commit author are one person: one row, with the avatar and the name.
        assertEquals(List.of(new PersonRow("Codertocat", "Codertocat", CODERTOCAT_AVATAR, false, Payloads.RECEIVED_AT)),
                changes.people());
    }

    @Test
    void aCommitKeepsTheLanguagesOfTheFilesItAddedOrModifiedNotOfThoseItRemovedNorOfDocumentation() {
        ObjectNode commit = commit("c0ffee", "feat: search", "ada", "2026-11-30T10:00:00Z");
        commit.putArray("added").add("src/main/java/Search.java").add("web/search.tsx").add("README.md");
        commit.putArray("modified").add("web/app.ts").add("node_modules/left-pad/index.js").add("pom.xml");
        commit.putArray("removed").add("scripts/old.py");

        ReadModelChanges changes = changes(push("acme/api", "main", commit));

        assertEquals(List.of("Java", "TypeScript"), changes.commits().get(0).languages());
    }

    @Test
    void aCommitterWithoutUsernameDoesNotMatterTheAuthorLoginDoes() {
        ReadModelChanges changes = changes(fixture("push", "with-no-username-committer.payload.json"));

        assertEquals("Codertocat", changes.commits().get(0).authorLogin());
        assertEquals(FIXTURE_SHA, changes.commits().get(0).sha());
    }

    @Test
    void anAuthorWithoutUsernameIsKnownByName() {
        ObjectNode payload = fixture("push", "with-no-username-committer.payload.json");
        ObjectNode author = (ObjectNode) payload.path("commits").get(0).path("author");
        author.remove("username");
        author.put("name", "Jane Doe");

        ReadModelChanges changes = changes(payload);

        assertEquals("Jane Doe", changes.commits().get(0).authorLogin());
        assertEquals("Jane Doe", changes.feed().get(0).dev());
        // A name is not a login: no person row is made up for it.
        assertEquals(List.of("Codertocat"), changes.people().stream().map(PersonRow::login).toList());
    }

    @Test
    void anAuthorWithNeitherUsernameNorNameIsKnownByEmail() {
        ObjectNode payload = push(FIXTURE_REPO, "main", commit(Payloads.sha(), "Anonymous", "octo", "2024-03-01T09:00:00Z"));
        ObjectNode author = (ObjectNode) payload.path("commits").get(0).path("author");
        author.remove("username");
        author.remove("name");

        ReadModelChanges changes = changes(payload);

        assertEquals("octo@example.com", changes.commits().get(0).authorLogin());
        assertEquals("octo@example.com", changes.commits().get(0).authorEmail());
        assertEquals("octo@example.com", changes.feed().get(0).dev());
    }

    @Test
    void theFixtureTagDeletionIsAPushOfATagWithoutCommits() {
        ReadModelChanges changes = changes(fixture("push", "payload.json"));

        assertEquals(List.of(new PushRow(FIXTURE_REPO_ID, FIXTURE_REPO, "refs/tags/simple-tag", "tag", "simple-tag",
                FIXTURE_SHA, "0000000000000000000000000000000000000000", "Codertocat", false, false, true, false, false,
                0, Instant.ofEpochSecond(1557933657), "delivery-1")), changes.pushes());
    }

    @Test
    void aNewBranchPushIsCreatedOnTheDefaultBranch() {
        PushRow push = changes(fixture("push", "with-new-branch.payload.json")).pushes().get(0);

        assertTrue(push.created());
        assertTrue(push.onDefaultBranch());
        assertEquals(1, push.commits());
    }

    @Test
    void commitsPushedToAnotherBranchCountButAreMarked() {
        String sha = Payloads.sha();
        ReadModelChanges changes = changes(push("acme/api", "feature/x", commit(sha, "Wip", "octo", "2024-03-01T09:00:00Z")));

        assertFalse(changes.commits().get(0).onDefaultBranch());
        assertFalse(changes.pushes().get(0).onDefaultBranch());
        assertEquals("branch", changes.pushes().get(0).refType());
        assertEquals(List.of("commit:" + sha), changes.feed().stream().map(FeedEntry::naturalKey).toList());
        assertTrue(changes(push("acme/api", "main", commit(sha, "Wip", "octo", "2024-03-01T09:00:00Z")))
                .commits().get(0).onDefaultBranch());
    }

    @Test
    void aForcedPushIsAForcePushedItemBesideItsCommits() {
        ObjectNode payload = push("acme/api", "main", commit(Payloads.sha(), "Rewritten", "octo", "2024-03-01T09:00:00Z"));
        payload.put("forced", true).put("before", "aaa").put("after", "bbb");
        Payloads.sender(payload, "octo", "User");

        ReadModelChanges changes = changes(payload);

        assertTrue(changes.pushes().get(0).forced());
        FeedEntry forced = changes.feed().get(1);
        assertEquals(FeedKind.FORCE_PUSHED, forced.kind());
        assertEquals("force-push:" + Payloads.repositoryId("acme/api") + ":refs/heads/main:aaa..bbb", forced.naturalKey());
        assertEquals("octo", forced.dev());
        assertEquals("main", forced.message());
        assertFalse(forced.activity());
    }

    @Test
    void theRepositoryIsPicturedByItsIdAndNewestTime() {
        RepositoryRow repository = changes(fixture("push", "with-new-branch.payload.json")).repositories().get(0);

        assertEquals(FIXTURE_REPO_ID, repository.id());
        assertEquals(FIXTURE_REPO, repository.fullName());
        assertEquals("Ruby", repository.language());
        assertEquals("master", repository.defaultBranch());
        // pushed_at (epoch seconds in push payloads) is later than updated_at
        assertEquals(Instant.ofEpochSecond(1557933657), repository.asOf());
    }

    @Test
    void theRepositorysSizeIsGitHubsInKilobytesAndUnknownWhenThePayloadDoesNotSayIt() {
        ObjectNode payload = fixture("push", "with-new-branch.payload.json");
        ((ObjectNode) payload.get("repository")).put("size", 2048);
        assertEquals(2048L, changes(payload).repositories().get(0).sizeKb());

        ((ObjectNode) payload.get("repository")).remove("size");
        assertNull(changes(payload).repositories().get(0).sizeKb());
    }

    @Test
    void aTagPushBringsNoCommits() {
        ReadModelChanges changes = changes(fixture("push", "payload.json"));

        assertEquals("refs/tags/simple-tag", fixture("push", "payload.json").path("ref").asText());
        assertEquals(List.of(), changes.commits());
        assertEquals(List.of(), changes.feed());
    }

    @Test
    void aTagPushWithCommitsListedStillBringsNone() {
        ObjectNode payload = push(FIXTURE_REPO, "main", commit(Payloads.sha(), "Release", "octo", "2024-03-01T09:00:00Z"));
        payload.put("ref", "refs/tags/v1.0.0");

        assertEquals(List.of(), changes(payload).commits());
    }

    @Test
    void aDeletedBranchBringsNoCommits() {
        ObjectNode payload = push(FIXTURE_REPO, "feature", commit(Payloads.sha(), "Gone", "octo", "2024-03-01T09:00:00Z"));
        payload.put("deleted", true).put("after", "0000000000000000000000000000000000000000");

        ReadModelChanges changes = changes(payload);

        assertEquals(List.of(), changes.commits());
        assertEquals(List.of(), changes.feed());
        assertEquals("Codertocat", changes.people().get(0).login());
    }

    @Test
    void aCommitListedTwiceInOnePushCountsOnce() {
        String first = Payloads.sha();
        String second = Payloads.sha();
        ObjectNode payload = push("acme/api", "main",
                commit(first, "First", "octo", "2024-03-01T09:00:00Z"),
                commit(second, "Second", "octo", "2024-03-01T09:05:00Z"),
                commit(first, "First", "octo", "2024-03-01T09:00:00Z"));

        ReadModelChanges changes = changes(payload);

        assertEquals(List.of(first, second), changes.commits().stream().map(CommitRow::sha).toList());
        assertEquals(List.of("commit:" + first, "commit:" + second),
                changes.feed().stream().map(FeedEntry::naturalKey).toList());
    }

    @Test
    void theMessageIsTheFirstLineAndTheTimestampKeepsItsOffset() {
        ObjectNode payload = push("acme/api", "release/2.x",
                commit("abc123", "Fix the seek\n\nThe listener ran before the checkpoint.", "octo",
                        "2024-03-01T11:19:25+02:00"));

        CommitRow commit = changes(payload).commits().get(0);

        assertEquals("Fix the seek", commit.message());
        assertEquals(Instant.parse("2024-03-01T09:19:25Z"), commit.committedAt());
        assertEquals("release/2.x", commit.branch());
        assertEquals("octo (name)", commit.authorName());
    }

    @Test
    void commitAuthorsBecomePeopleWithTheirNames() {
        ObjectNode payload = push("acme/api", "main", commit("abc123", "Work", "octo", "2024-03-01T09:00:00Z"));

        PersonRow octo = changes(payload).people().stream().filter(person -> person.login().equals("octo"))
                .findFirst().orElseThrow();

        assertEquals("octo (name)", octo.name());
        assertNull(octo.avatarUrl());
    }

    @Test
    void aBotSenderAndItsCommitsAreMarkedAsBots() {
        ObjectNode payload = push("acme/api", "dependabot/npm/lodash",
                commit("abc123", "Bump lodash", "dependabot[bot]", "2024-03-01T09:00:00Z"),
                commit("def456", "Manual fix", "octo", "2024-03-01T09:01:00Z"));
        Payloads.sender(payload, "dependabot[bot]", "Bot");

        ReadModelChanges changes = changes(payload);

        assertTrue(changes.people().stream().filter(p -> p.login().equals("dependabot[bot]")).findFirst().orElseThrow().bot());
        assertTrue(changes.commits().get(0).bot());
        assertTrue(changes.feed().get(0).bot());
        assertFalse(changes.commits().get(1).bot());
        assertFalse(changes.feed().get(1).bot());
    }

    @Test
    void aSenderOfTypeBotMarksItsOwnCommitsEvenWithoutTheSuffix() {
        ObjectNode payload = push("acme/api", "main", commit("abc123", "Update deps", "renovate", "2024-03-01T09:00:00Z"));
        Payloads.sender(payload, "renovate", "Bot");

        ReadModelChanges changes = changes(payload);

        assertTrue(changes.commits().get(0).bot());
        assertTrue(changes.people().stream().allMatch(PersonRow::bot));
    }

    @Test
    void aPushWithoutRepositoryIsMalformed() {
        ObjectNode payload = fixture("push", "with-new-branch.payload.json");
        payload.remove("repository");

        MalformedRecordException thrown = assertThrows(MalformedRecordException.class,
                () -> fold.fold(delivery("push", "delivery-1"), payload));
        assertTrue(thrown.getMessage().contains("/repository/full_name"), thrown.getMessage());
    }

    @Test
    void aCommitWithoutTimestampIsMalformed() {
        ObjectNode bad = commit("abc123", "Work", "octo", "2024-03-01T09:00:00Z");
        bad.remove("timestamp");

        assertThrows(MalformedRecordException.class,
                () -> fold.fold(delivery("push", "delivery-1"), push("acme/api", "main", bad)));
    }

    @Test
    void aCommitTimestampPostgresCannotHoldIsMalformed() {
        ObjectNode payload = push("acme/api", "main", commit("abc123", "Far future", "octo", "+300000-01-01T00:00:00Z"));

        MalformedRecordException thrown = assertThrows(MalformedRecordException.class,
                () -> fold.fold(delivery("push", "delivery-1"), payload));
        assertTrue(thrown.getMessage().contains("out of range"), thrown.getMessage());
    }

    private ReadModelChanges changes(ObjectNode payload) {
        RecordOutcome outcome = fold.fold(delivery("push", "delivery-1"), payload);
        return assertInstanceOf(RecordOutcome.Folded.class, outcome).changes();
    }
}
