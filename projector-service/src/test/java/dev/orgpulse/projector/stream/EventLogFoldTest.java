package dev.orgpulse.projector.stream;

import static dev.orgpulse.projector.support.Payloads.commit;
import static dev.orgpulse.projector.support.Payloads.push;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.ChangeNotice;
import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.FeedItem;
import dev.orgpulse.eventlog.ReadModel;
import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.projector.fold.FoldPlan;
import dev.orgpulse.projector.fold.LogRecord;
import dev.orgpulse.projector.fold.RecordFolder;
import dev.orgpulse.projector.readmodel.BatchResult;
import dev.orgpulse.projector.readmodel.FoldTransaction;
import dev.orgpulse.projector.support.FoldingIntegrationTest;
import dev.orgpulse.projector.support.Payloads;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.ManagementInterface;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** The projector against a real broker and a real PostgreSQL, fed through the log like in production. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
class EventLogFoldTest extends FoldingIntegrationTest {

    private static final String ADMIN_KEY = "Bearer test-admin-key";

    @Inject
    FoldTransaction transaction;

    @Test
    void aPushAddsEachCommitWithItsFeedItem() {
        String repo = Payloads.uniqueRepo();
        String first = Payloads.sha();
        String second = Payloads.sha();

        awaitFolded(log.github("push", uuid(), push(repo, "main",
                commit(first, "Add the fold\n\nWith a body.", "octo-dev", "2024-03-01T09:00:00Z"),
                commit(second, "Fix the seek", "octo-dev", "2024-03-01T09:05:00Z"))));

        assertEquals(2, sql.number("SELECT count(*) FROM git_commit WHERE repo = ?", repo));
        Map<String, Object> commit = sql.row("SELECT author_login, message, branch, committed_at FROM git_commit WHERE sha = ?",
                first);
        assertEquals("octo-dev", commit.get("author_login"));
        assertEquals("Add the fold", commit.get("message"));
        assertEquals("main", commit.get("branch"));
        assertEquals(Instant.parse("2024-03-01T09:00:00Z"), ((Timestamp) commit.get("committed_at")).toInstant());
        Map<String, Object> item = sql.row("SELECT kind, dev, repo, message FROM feed_item WHERE natural_key = ?",
                "commit:" + second);
        assertEquals(Map.of("kind", "commit", "dev", "octo-dev", "repo", repo, "message", "Fix the seek"), item);
        assertEquals("octo-dev (name)", sql.row("SELECT name FROM person WHERE login = 'octo-dev'").get("name"));
        assertNotNull(sql.row("SELECT updated_at FROM read_model_status").get("updated_at"));
    }

    @Test
    void theSameDeliveryTwiceHasOneEffect() {
        String repo = Payloads.uniqueRepo();
        String delivery = uuid();
        String sha = Payloads.sha();
        ObjectNode payload = push(repo, "main", commit(sha, "Once", "octo", "2024-03-01T09:00:00Z"));

        RecordMetadata first = log.github("push", delivery, payload);
        // Same delivery id with another commit: were it folded again, that commit would appear.
        awaitFolded(log.github("push", delivery, push(repo, "main",
                commit(Payloads.sha(), "Twice", "octo", "2024-03-01T09:01:00Z"))));
        awaitFolded(log.github("push", delivery, payload));

        assertEquals(List.of(Map.of("sha", sha)), sql.rows("SELECT sha FROM git_commit WHERE repo = ?", repo));
        assertEquals(1, sql.number("SELECT count(*) FROM feed_item WHERE repo = ?", repo));
        assertEquals(Map.of("record_offset", first.offset(), "outcome", "folded"),
                sql.row("SELECT record_offset, outcome FROM processed_delivery WHERE delivery_id = ?", delivery));
    }

    @Test
    void aCommitInTwoPushesCountsOnce() {
        String repo = Payloads.uniqueRepo();
        String shared = Payloads.sha();
        String firstDelivery = uuid();

        log.github("push", firstDelivery, push(repo, "feature", commit(shared, "Shared", "octo", "2024-03-01T09:00:00Z")));
        awaitFolded(log.github("push", uuid(), push(repo, "main",
                commit(shared, "Shared", "octo", "2024-03-01T09:00:00Z"),
                commit(Payloads.sha(), "Merge feature", "octo", "2024-03-01T10:00:00Z"))));

        assertEquals(2, sql.number("SELECT count(*) FROM git_commit WHERE repo = ?", repo));
        assertEquals(Map.of("branch", "feature", "delivery_id", firstDelivery),
                sql.row("SELECT branch, delivery_id FROM git_commit WHERE sha = ?", shared));
        assertEquals(1, sql.number("SELECT count(*) FROM feed_item WHERE natural_key = ?", "commit:" + shared));
    }

    @Test
    void aPullRequestOpenedThenMergedEndsMergedAndALateOpenedDoesNotReopenIt() {
        String repo = Payloads.uniqueRepo();
        ObjectNode opened = Payloads.pullRequest("opened", repo, 7);

        log.github("pull_request", uuid(), opened);
        awaitFolded(log.github("pull_request", uuid(), Payloads.merged(repo, 7, "2024-03-02T12:00:00Z", "maintainer")));
        // The same opened event again, as a backfill would append it: older, so it must not win.
        awaitFolded(log.github("pull_request", uuid(), opened));

        Map<String, Object> pr = sql.row("SELECT state, author_login, merged_at FROM pull_request WHERE repo = ? AND number = 7",
                repo);
        assertEquals("merged", pr.get("state"));
        assertEquals("Codertocat", pr.get("author_login"));
        assertEquals(Instant.parse("2024-03-02T12:00:00Z"), ((Timestamp) pr.get("merged_at")).toInstant());
        assertEquals(List.of(Map.of("kind", "opened", "dev", "Codertocat"), Map.of("kind", "merged", "dev", "Codertocat")),
                sql.rows("SELECT kind, dev FROM feed_item WHERE repo = ? ORDER BY occurred_at", repo));
    }

    @Test
    void aMalformedRecordBecomesADeadLetterAndTheNextRecordIsFolded() {
        String repo = Payloads.uniqueRepo();
        String badDelivery = uuid();
        String sha = Payloads.sha();
        String key = "github:" + repo;
        DeliveryMetadata bad = DeliveryMetadata.accepted("github", "push", badDelivery, Instant.now(), "application/json",
                "secret-1");

        RecordMetadata notJson = log.send(key, bad.toHeaders(), "{\"ref\": ".getBytes(StandardCharsets.UTF_8));
        RecordMetadata noHeaders = log.send(key, new RecordHeaders(), "{}".getBytes(StandardCharsets.UTF_8));
        RecordMetadata good = log.github("push", uuid(), push(repo, "main", commit(sha, "Still here", "octo",
                "2024-03-01T09:00:00Z")));
        awaitFolded(good);

        Map<String, Object> deadLetter = sql.row("""
                SELECT topic, partition_id, delivery_id, event_type, reason FROM dead_letter WHERE record_offset = ?
                AND partition_id = ? AND topic = ?""", notJson.offset(), notJson.partition(), Topics.EVENTS);
        assertEquals(Topics.EVENTS, deadLetter.get("topic"));
        assertEquals(badDelivery, deadLetter.get("delivery_id"));
        assertEquals("push", deadLetter.get("event_type"));
        assertTrue(((String) deadLetter.get("reason")).contains("JSON"), (String) deadLetter.get("reason"));
        assertNull(sql.row("SELECT delivery_id FROM dead_letter WHERE record_offset = ? AND partition_id = ? AND topic = ?",
                noHeaders.offset(), noHeaders.partition(), Topics.EVENTS).get("delivery_id"));
        assertEquals(0, sql.number("SELECT count(*) FROM processed_delivery WHERE delivery_id = ?", badDelivery));
        assertEquals(1, sql.number("SELECT count(*) FROM git_commit WHERE sha = ?", sha));
    }

    @Test
    void eventsWithoutAFoldAreRecordedAsIgnoredNotAsDeadLetters() {
        String locked = uuid();
        String ping = uuid();

        log.github("pull_request", locked, Payloads.fixture("pull_request", "locked.payload.json"));
        awaitFolded(log.github("ping", ping, Payloads.fixture("ping", "payload.json")));

        assertEquals(List.of(Map.of("outcome", "ignored"), Map.of("outcome", "ignored")),
                sql.rows("SELECT outcome FROM processed_delivery WHERE delivery_id IN (?, ?)", locked, ping));
        assertEquals(0, sql.number("SELECT count(*) FROM dead_letter WHERE delivery_id IN (?, ?)", locked, ping));
    }

    @Test
    void recordsBelowTheCheckpointHaveNoSecondEffect() throws Throwable {
        RecordMetadata folded = awaitFolded(log.github("push", uuid(), push(Payloads.uniqueRepo(), "main",
                commit(Payloads.sha(), "Folded", "octo", "2024-03-01T09:00:00Z"))));
        // Kafka hands the same position over again (a crash before the offset commit, a rebalance), here with
        // content that would show if it were written.
        String sha = Payloads.sha();
        ObjectNode replayed = push(Payloads.uniqueRepo(), "main", commit(sha, "Replayed", "octo", "2024-03-01T09:00:00Z"));
        LogRecord again = new LogRecord(Topics.EVENTS, folded.partition(), folded.offset(),
                Payloads.delivery("push", uuid()).toHeaders(), Payloads.bytes(replayed));

        BatchResult result = VertxContextSupport.subscribeAndAwait(
                () -> transaction.apply(FoldPlan.of(List.of(again), new RecordFolder())));

        assertEquals(1, result.duplicates());
        assertEquals(0, result.folded());
        assertFalse(result.changedReadModels());
        assertEquals(0, sql.number("SELECT count(*) FROM git_commit WHERE sha = ?", sha));
    }

    @Test
    void aBatchIsWrittenInOneTransactionAndHasNoEffectWhenWrittenAgain() throws Throwable {
        // A topic of its own keeps these checkpoints out of the running consumer's way.
        String topic = "orgpulse-events-batch-" + uuid().substring(0, 8);
        String repo = Payloads.uniqueRepo();
        String pushDelivery = uuid();
        String badDelivery = uuid();
        ObjectNode pushed = push(repo, "main", commit(Payloads.sha(), "One", "octo", "2024-03-01T09:00:00Z"),
                commit(Payloads.sha(), "Two", "octo", "2024-03-01T08:00:00Z"));
        FoldPlan plan = FoldPlan.of(List.of(
                new LogRecord(topic, 0, 0, Payloads.delivery("push", pushDelivery).toHeaders(), Payloads.bytes(pushed)),
                new LogRecord(topic, 0, 1, Payloads.delivery("push", pushDelivery).toHeaders(), Payloads.bytes(pushed)),
                new LogRecord(topic, 1, 0, Payloads.delivery("push", badDelivery).toHeaders(), "[1, 2".getBytes()),
                new LogRecord(topic, 1, 1, Payloads.delivery("pull_request", uuid()).toHeaders(),
                        Payloads.bytes(Payloads.pullRequest("opened", repo, 3))),
                new LogRecord(topic, 1, 2, Payloads.delivery("pull_request", uuid()).toHeaders(),
                        Payloads.bytes(Payloads.merged(repo, 3, "2024-03-02T12:00:00Z", "maintainer")))),
                new RecordFolder());

        BatchResult first = VertxContextSupport.subscribeAndAwait(() -> transaction.apply(plan));

        assertEquals(List.of(5, 3, 0, 1), List.of(first.records(), first.folded(), first.ignored(), first.duplicates()));
        assertEquals(List.of(badDelivery), first.deadLetters().stream().map(note -> note.deliveryId()).toList());
        assertEquals(Map.of(0, 2L, 1, 3L), first.positions());
        assertEquals(List.of("opened", "commit", "commit", "merged"), first.feed().stream().map(FeedItem::kind).toList());
        assertEquals(List.of("Two", "One"), first.feed().stream().filter(item -> item.kind().equals("commit"))
                .map(FeedItem::message).toList());
        assertEquals(List.of(Map.of("partition_id", 0, "next_offset", 2L), Map.of("partition_id", 1, "next_offset", 3L)),
                sql.rows("SELECT partition_id, next_offset FROM checkpoint WHERE topic = ? ORDER BY partition_id", topic));
        assertEquals("merged", sql.row("SELECT state FROM pull_request WHERE repo = ?", repo).get("state"));

        BatchResult again = VertxContextSupport.subscribeAndAwait(() -> transaction.apply(plan));

        assertEquals(List.of(0, 0, 5), List.of(again.folded(), again.deadLetters().size(), again.duplicates()));
        assertFalse(again.changedReadModels());
        assertEquals(4, sql.number("SELECT count(*) FROM feed_item WHERE repo = ?", repo));
        assertEquals(1, sql.number("SELECT count(*) FROM dead_letter WHERE topic = ?", topic));
    }

    @Test
    void aRecordPostgresRefusesBecomesADeadLetterAndTheOthersAreFolded() {
        String repo = Payloads.uniqueRepo();
        String refusedDelivery = uuid();
        String refusedSha = Payloads.sha();
        String goodSha = Payloads.sha();

        // PostgreSQL text cannot hold NUL: the fold accepts the payload, the database refuses the row.
        RecordMetadata refused = log.github("push", refusedDelivery, push(repo, "main",
                commit(refusedSha, "Nul \u0000 byte", "octo", "2024-03-01T09:00:00Z")));
        awaitFolded(log.github("push", uuid(), push(repo, "main", commit(goodSha, "Fine", "octo", "2024-03-01T09:01:00Z"))));

        Map<String, Object> deadLetter = sql.row(
                "SELECT delivery_id, reason FROM dead_letter WHERE partition_id = ? AND record_offset = ? AND topic = ?",
                refused.partition(), refused.offset(), Topics.EVENTS);
        assertEquals(refusedDelivery, deadLetter.get("delivery_id"));
        assertTrue(((String) deadLetter.get("reason")).startsWith("PostgreSQL refused its writes"),
                (String) deadLetter.get("reason"));
        assertEquals(0, sql.number("SELECT count(*) FROM git_commit WHERE sha = ?", refusedSha));
        assertEquals(0, sql.number("SELECT count(*) FROM processed_delivery WHERE delivery_id = ?", refusedDelivery));
        assertEquals(1, sql.number("SELECT count(*) FROM git_commit WHERE sha = ?", goodSha));
    }

    @Test
    void checkpointsCatchUpWithTheEndOfTheLog() {
        awaitFolded(log.github("push", uuid(), push(Payloads.uniqueRepo(), "main",
                commit(Payloads.sha(), "Catch up", "octo", "2024-03-01T09:00:00Z"))));

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<TopicPartition, Long> ends = broker.endOffsets(Topics.EVENTS);
            ends.forEach((partition, end) -> {
                if (end > 0) {
                    assertEquals(end, checkpoint(partition.partition()).orElse(0L), partition.toString());
                }
            });
        });
    }

    @Test
    void aChangeNoticeCarriesTheNewFeedItems() {
        String repo = Payloads.uniqueRepo();
        String sha = Payloads.sha();
        RecordMetadata pushed = awaitFolded(log.github("push", uuid(), push(repo, "main",
                commit(sha, "Announce me", "octo", "2024-03-01T09:00:00Z"))));
        long feedId = sql.number("SELECT id FROM feed_item WHERE natural_key = ?", "commit:" + sha);

        ConsumerRecord<String, byte[]> record = awaitChangeNotice(mentioning(repo));
        ChangeNotice notice = ChangeNotice.fromJson(record.value());

        assertEquals("v1", record.key());
        assertEquals("v1", notice.readModelVersion());
        assertTrue(notice.changed().containsAll(List.of(ReadModel.FEED, ReadModel.STATS, ReadModel.HEATMAP)));
        assertEquals(List.of(new FeedItem(feedId, Instant.parse("2024-03-01T09:00:00Z").getEpochSecond(), "commit", "octo",
                repo, "Announce me")), notice.feed().stream().filter(item -> item.repo().equals(repo)).toList());
        assertTrue(notice.positions().get(pushed.partition()) > pushed.offset(), notice.positions().toString());
    }

    @Test
    void adminStatusNeedsTheAdminKey() {
        given().get("/admin/status").then().statusCode(401).body("error", equalTo("unauthorized"));
        given().header("Authorization", "Bearer wrong").get("/admin/status").then().statusCode(401);
    }

    @Test
    void adminStatusShowsCheckpointsAndLag() {
        RecordMetadata last = awaitFolded(log.github("push", uuid(), push(Payloads.uniqueRepo(), "main",
                commit(Payloads.sha(), "Status", "octo", "2024-03-01T09:00:00Z"))));
        await().atMost(PATIENCE).until(() -> checkpointsMatchEndOffsets());

        given().header("Authorization", ADMIN_KEY).get("/admin/status").then().statusCode(200)
                .body("read_model_version", equalTo("v1"))
                .body("consumer_group", equalTo("orgpulse-projector-v1"))
                .body("topic", equalTo(Topics.EVENTS))
                .body("partitions", hasSize(Topics.EVENTS_PARTITIONS))
                .body("partitions.find { it.partition == " + last.partition() + " }.checkpoint",
                        equalTo((int) checkpoint(last.partition()).orElseThrow().longValue()))
                .body("partitions.find { it.partition == " + last.partition() + " }.lag", equalTo(0))
                .body("total_lag", equalTo(0));
    }

    @Test
    void healthShowsTheFold() {
        await().atMost(PATIENCE).untilAsserted(() -> ManagementInterface.given().get("/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'read-model-fold' }.status", equalTo("UP")));
        ManagementInterface.given().get("/health/live").then().statusCode(200);
        given().get("/q/health").then().statusCode(404);
    }

    private boolean checkpointsMatchEndOffsets() {
        return broker.endOffsets(Topics.EVENTS).entrySet().stream()
                .allMatch(end -> end.getValue() == 0 || checkpoint(end.getKey().partition()).orElse(0L).equals(end.getValue()));
    }

    private static Predicate<ChangeNotice> mentioning(String repo) {
        return notice -> notice.feed().stream().anyMatch(item -> item.repo().equals(repo));
    }

}
