package dev.orgpulse.projector.readmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orgpulse.projector.fold.CommitRow;
import dev.orgpulse.projector.fold.MeetingRow;
import dev.orgpulse.projector.fold.PersonRow;
import dev.orgpulse.projector.fold.PushRow;
import dev.orgpulse.projector.fold.RepositoryRow;
import dev.orgpulse.projector.fold.ReviewRow;

/** Two rows of one key in a batch are merged by the rule the table applies to a stored row. */
class ReadModelTableTest {

    private static final Instant MONDAY = Instant.parse("2024-03-04T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2024-03-05T09:00:00Z");

    @Test
    void theNewestPictureWinsInEitherOrder() {
        RepositoryRow old = repository("acme/api", MONDAY);
        RepositoryRow renamed = repository("acme/gateway", TUESDAY);

        assertEquals(List.of(renamed), ReadModelTables.REPOSITORIES.mergedInBatch(List.of(old, renamed)));
        assertEquals(List.of(renamed), ReadModelTables.REPOSITORIES.mergedInBatch(List.of(renamed, old)));
    }

    @Test
    void anOlderPictureSeenAgainAfterANewerOneDoesNotWin() {
        RepositoryRow old = repository("acme/api", MONDAY);
        RepositoryRow renamed = repository("acme/gateway", TUESDAY);

        assertEquals(List.of(renamed), ReadModelTables.REPOSITORIES.mergedInBatch(List.of(old, renamed, old, renamed)));
        assertEquals(List.of(renamed), ReadModelTables.REPOSITORIES.mergedInBatch(List.of(renamed, old, renamed, old)));
    }

    @Test
    void rowsOfOtherKeysStayApartInTheirFirstOrder() {
        RepositoryRow api = repository(1, "acme/api");
        RepositoryRow web = repository(2, "acme/web");

        assertEquals(List.of(web, api), ReadModelTables.REPOSITORIES.mergedInBatch(List.of(web, api, web)));
    }

    @Test
    void aNameIsReplacedOnlyByANewerReportAndNeverByNull() {
        PersonRow named = new PersonRow("octo", "Octo Cat", null, false, MONDAY);
        PersonRow later = new PersonRow("octo", null, "https://avatars/octo", false, TUESDAY);
        PersonRow olderName = new PersonRow("octo", "Old Name", null, true, MONDAY.minusSeconds(60));

        assertEquals(List.of(new PersonRow("octo", "Octo Cat", "https://avatars/octo", true, TUESDAY)),
                ReadModelTables.PEOPLE.mergedInBatch(List.of(named, later, olderName)));
    }

    @Test
    void aCommitStaysAsFirstPushedAndReachesTheDefaultBranch() {
        CommitRow onBranch = commit("feature", false, "d-1");
        CommitRow merged = commit("main", true, "d-2");

        assertEquals(List.of(commit("feature", true, "d-1")),
                ReadModelTables.COMMITS.mergedInBatch(List.of(onBranch, merged)));
    }

    @Test
    void aReviewKeepsItsSubmittedStateAndIsDismissedForGood() {
        ReviewRow dismissal = review(null, true);
        ReviewRow submission = review("approved", false);

        assertEquals(List.of(review("approved", true)),
                ReadModelTables.REVIEWS.mergedInBatch(List.of(dismissal, submission)));
    }

    @Test
    void aPushIsKeptAsTheFirstDeliveryBroughtIt() {
        PushRow first = push("d-1");

        assertEquals(List.of(first), ReadModelTables.PUSHES.mergedInBatch(List.of(first, push("d-2"))));
    }

    @Test
    void aPreparedBatchIsMergedInKeyOrderWithEachRowsOwnRevision() {
        RepositoryRow web = repository(2, "acme/web");
        RepositoryRow api = repository("acme/api", MONDAY);
        RepositoryRow apiRenamed = repository("acme/gateway", TUESDAY);

        ReadModelTable.Prepared<RepositoryRow> prepared = ReadModelTables.REPOSITORIES
                .prepared(List.of(web, api, apiRenamed, web));

        assertEquals(List.of(apiRenamed, web), prepared.rows());
        List<Object> arrays = prepared.arrays();
        assertArrayEquals(new Long[] {1L, 2L}, (Object[]) arrays.get(0));
        assertArrayEquals(new String[] {"acme/gateway", "acme/web"}, (Object[]) arrays.get(1));
        assertArrayEquals(new String[] {apiRenamed.revision(), web.revision()},
                (Object[]) arrays.get(arrays.size() - 1));
    }

    @Test
    void aTableMergedWithTheStoredRowsIsBoundOnlyOnceMerged() {
        MeetingRow started = new MeetingRow("conferenceRecords/b", "spaces/x", MONDAY, null, MONDAY);
        MeetingRow other = new MeetingRow("conferenceRecords/a", "spaces/y", MONDAY, null, MONDAY);

        ReadModelTable.Prepared<MeetingRow> prepared = ReadModelTables.MEETINGS.prepared(List.of(started, other));

        assertEquals(List.of(other, started), prepared.rows());
        assertNull(prepared.arrays());
    }

    @Test
    void anInstantIsBoundAtUtc() {
        for (Instant instant : List.of(MONDAY, Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("1969-12-31T23:59:59.5Z"))) {
            assertEquals(instant.atOffset(ZoneOffset.UTC), ReadModelTable.utc(instant));
        }
        assertNull(ReadModelTable.utc(null));
    }

    @Test
    void aBatchOfATableIsOneStatementOverArrays() {
        String upsert = ReadModelTables.PULL_REQUESTS.upsert();

        assertTrue(upsert.startsWith("INSERT INTO pull_request AS t (repo_id, number, repo"), upsert);
        assertTrue(upsert.contains("FROM unnest($1::bigint[], $2::int[], $3::text[]"), upsert);
        assertTrue(upsert.contains("ON CONFLICT (repo_id, number) DO UPDATE SET repo = EXCLUDED.repo"), upsert);
        assertTrue(upsert.endsWith("WHERE EXCLUDED.revision > t.revision RETURNING t.repo_id::text"), upsert);
    }

    @Test
    void aFeedItemIsAppendedWithoutAConflictRule() {
        String insert = FeedWrites.ITEMS.upsert(FeedWrites.RETURNING_ITEM_IDS);

        assertTrue(insert.startsWith("INSERT INTO feed_item AS t (natural_key, occurred_at"), insert);
        assertFalse(insert.contains("ON CONFLICT"), insert);
        assertTrue(insert.endsWith("ORDER BY v.position RETURNING t.natural_key, t.id"), insert);
    }

    private static RepositoryRow repository(String name, Instant asOf) {
        return new RepositoryRow(1, name, "acme", "Java", 128L, "main", false, false, false, MONDAY, asOf,
                RepositoryRow.Source.CARRIED);
    }

    private static RepositoryRow repository(long id, String name) {
        return new RepositoryRow(id, name, "acme", "Java", 128L, "main", false, false, false, MONDAY, MONDAY,
                RepositoryRow.Source.CARRIED);
    }

    private static CommitRow commit(String branch, boolean onDefaultBranch, String deliveryId) {
        return new CommitRow("abc123", 1, "acme/api", "octo", "Octo Cat", "octo@example.com", "feat: x", MONDAY,
                branch, onDefaultBranch, false, List.of("Java"), deliveryId);
    }

    private static ReviewRow review(String state, boolean dismissed) {
        return new ReviewRow(7, 1, "acme/api", 12, "hubot", false, state, dismissed, MONDAY);
    }

    private static PushRow push(String deliveryId) {
        return new PushRow(1, "acme/api", "refs/heads/main", "branch", "main", "a", "b", "octo", false, false, false,
                false, true, 1, MONDAY, deliveryId);
    }
}
