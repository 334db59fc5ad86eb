package dev.orgpulse.projector.fold;

import static dev.orgpulse.projector.support.Payloads.commit;
import static dev.orgpulse.projector.support.Payloads.delivery;
import static dev.orgpulse.projector.support.Payloads.push;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.projector.support.Payloads;

class BackfilledCommitsFoldTest {

    private final RecordFolder folder = new RecordFolder();

    @Test
    void backfilledCommitsCountLikePushedOnesWithoutAPush() {
        String sha = Payloads.sha();
        ObjectNode commits = commitsOf(push("acme/api", "main", commit(sha, "Fix the cache\n\nbody", "octo",
                "2024-02-01T09:00:00Z")));

        ReadModelChanges backfilled = fold(Sources.GITHUB_BACKFILL, commits);
        ReadModelChanges pushed = fold(Sources.GITHUB, push("acme/api", "main", commit(sha, "Fix the cache\n\nbody",
                "octo", "2024-02-01T09:00:00Z")));

        assertEquals(List.of(), backfilled.pushes(), "nobody pushed now");
        assertEquals(1, pushed.pushes().size());
        CommitRow commit = backfilled.commits().get(0);
        assertEquals(new CommitRow(sha, Payloads.repositoryId("acme/api"), "acme/api", "octo", "octo (name)",
                "octo@example.com", "Fix the cache", Instant.parse("2024-02-01T09:00:00Z"), "main", true, false,
                List.of(), "backfill-1"), commit);
        assertEquals(pushed.feed(), backfilled.feed(), "the same feed item, by the same natural key");
        assertEquals(pushed.commits().get(0).sha(), commit.sha());
        assertEquals(List.of("octo"), backfilled.people().stream().map(PersonRow::login).toList());
    }

    @Test
    void onlyTheBackfillSourceBringsCommitsRecords() {
        ObjectNode commits = commitsOf(push("acme/api", "main", commit(Payloads.sha(), "x", "octo",
                "2024-02-01T09:00:00Z")));

        assertInstanceOf(RecordOutcome.Ignored.class, folder.fold(record(Sources.GITHUB, commits)));
    }

    @Test
    void commitsOfATagAreIgnored() {
        ObjectNode commits = commitsOf(push("acme/api", "main"));
        commits.put("ref", "refs/tags/v1");

        assertInstanceOf(RecordOutcome.Ignored.class, folder.fold(record(Sources.GITHUB_BACKFILL, commits)));
    }

    /** What the ingest's backfill appends: the branch, the repository and push-shaped commits, nothing else. */
    private static ObjectNode commitsOf(ObjectNode push) {
        ObjectNode commits = push.deepCopy();
        commits.retain("ref", "repository", "commits");
        return commits;
    }

    private ReadModelChanges fold(String source, ObjectNode payload) {
        String eventType = Sources.GITHUB_BACKFILL.equals(source) ? BackfilledCommitsFold.COMMITS : "push";
        return assertInstanceOf(RecordOutcome.Folded.class, folder.fold(record(source, eventType, payload)))
                .changes();
    }

    private static LogRecord record(String source, ObjectNode payload) {
        return record(source, BackfilledCommitsFold.COMMITS, payload);
    }

    private static LogRecord record(String source, String eventType, ObjectNode payload) {
        boolean backfill = Sources.GITHUB_BACKFILL.equals(source);
        DeliveryMetadata github = delivery(eventType, backfill ? "backfill-1" : "delivery-1");
        DeliveryMetadata metadata = new DeliveryMetadata(source, github.eventType(), github.deliveryId(),
                github.receivedAt(), github.contentType(), github.verifiedBy(), github.contractVersion());
        return new LogRecord(Topics.EVENTS, 0, 0, metadata.toHeaders(), Payloads.bytes(payload));
    }
}
