package dev.orgpulse.projector.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.ReadModel;
import dev.orgpulse.projector.fold.FeedEntry;
import dev.orgpulse.projector.fold.FeedKind;

/** Which read models a change notice names, by what the batch wrote. */
class BatchTallyTest {

    private final BatchTally tally = new BatchTally(1);

    @Test
    void anActivityChangesEveryPeopleMetric() {
        tally.feedItemAdded(1, item(FeedKind.REVIEW));

        assertEquals(EnumSet.of(ReadModel.FEED, ReadModel.STATS, ReadModel.CONTRIBUTORS, ReadModel.REPOS,
                ReadModel.HEATMAP), changed());
    }

    @Test
    void anItemThatIsNoActivityChangesTheFeedOnly() {
        tally.feedItemAdded(1, item(FeedKind.CI_FAILED));

        assertEquals(Set.of(ReadModel.FEED), changed());
    }

    @Test
    void aRepositoryPictureChangesWhereItsNameIsShown() {
        tally.tableChanged(ReadModelTables.REPOSITORIES);

        assertEquals(Set.of(ReadModel.FEED, ReadModel.CONTRIBUTORS, ReadModel.REPOS, ReadModel.PULL_REQUESTS,
                ReadModel.CI_RUNS), changed());
    }

    @Test
    void aPullRequestChangesItsListAndTheStatsThatCountThem() {
        tally.tableChanged(ReadModelTables.PULL_REQUESTS);

        assertEquals(Set.of(ReadModel.STATS, ReadModel.PULL_REQUESTS), changed());
    }

    @Test
    void aReviewChangesThePullRequests() {
        tally.tableChanged(ReadModelTables.REVIEWS);

        assertEquals(Set.of(ReadModel.PULL_REQUESTS), changed());
    }

    @Test
    void aWorkflowRunJobOrCheckChangesTheCiRunsOnly() {
        tally.tableChanged(ReadModelTables.CI_JOBS);

        assertEquals(Set.of(ReadModel.CI_RUNS), changed());
        assertTrue(tally.changedAnything());
    }

    @Test
    void aMeetingSessionOrParticipantChangesTheMeetingsOnlyAndIsAnnounced() {
        tally.tableChanged(ReadModelTables.PARTICIPANT_SESSIONS);

        BatchResult result = tally.result("v1", Map.of(0, 3L));
        assertEquals(Set.of(ReadModel.MEETINGS), result.changed());
        assertTrue(result.changedReadModels());
        assertTrue(tally.changedAnything());
    }

    @Test
    void rowsNoReadModelShowsYetMoveTheLastUpdateButAnnounceNothing() {
        assertFalse(tally.changedAnything());

        tally.tableChanged(ReadModelTables.PUSHES);

        assertTrue(tally.changedAnything());
        assertFalse(tally.result("v1", Map.of()).changedReadModels());
    }

    private Set<ReadModel> changed() {
        return tally.result("v1", Map.of()).changed();
    }

    private static FeedEntry item(FeedKind kind) {
        return new FeedEntry("key", Instant.parse("2024-03-01T09:00:00Z"), kind, "octo", 1L, "acme/api", "message",
                false);
    }
}
