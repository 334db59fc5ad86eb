package dev.orgpulse.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.restassured.response.Response;

/**
 * Several instances of each service, and the faults production will see (issue #12 part 2, issue #8's faults 1-4):
 * instances killed with SIGKILL mid-load, PostgreSQL gone for 20 s, the broker restarted, a projector killed
 * mid-batch compared with a clean fold of the same log. Two of each service on one broker with six partitions
 * ({@link ReplicatedStack}, a stack of its own: the shared one has one of each), driven by bounded loads of push
 * deliveries ({@link PushLoad}). A delivery is accepted when an ingest answered it 2xx; every test asserts that each
 * accepted delivery is folded, none refused is, and each folded one counts exactly once, through what the reader
 * sees (the query API of every live query instance) and through the projector's record of folded deliveries. The tests run in order on the one
 * stack and count the commits of all the loads so far.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final int REPOS = 200;
    private static final Duration CATCH_UP = Duration.ofMinutes(2);

    private static ReplicatedStack stack;
    /** The deliveries of every load so far that were folded: one commit each in the query API. */
    private static final Set<String> foldedSoFar = new HashSet<>();

    @BeforeAll
    static void startTwoOfEach() throws Exception {
        stack = ReplicatedStack.start(2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * Issue #12: SSE clients on both query nodes receive every event once while a projector and an ingest are killed
     * mid-load. Issue #8 fault 3: the surviving projector of the consumer group takes the killed one's partitions over
     * from the checkpoints it stored; totals stay exact across the rebalance.
     */
    @Test
    @Order(1)
    void everyAcceptedDeliveryReachesBothQueryNodesOnceWhileAProjectorAndAnIngestAreKilled() throws Exception {
        List<ServiceProcess> queries = stack.queries();
        try (SseReader first = new SseReader(queries.get(0).uri("/api/stream"), SystemStack.ACCESS_KEY);
                SseReader second = new SseReader(queries.get(1).uri("/api/stream"), SystemStack.ACCESS_KEY);
                PushLoad load = PushLoad.start(stack::ingests, 2_000, REPOS, 16)) {
            load.awaitAnswered(600);
            stack.projectors().get(1).kill();
            load.awaitAnswered(1_200);
            stack.ingests().get(1).kill();
            PushLoad.Outcome outcome = load.finish();
            System.out.printf("[figure] 2 of each, projector-2 and ingest-2 killed mid-load: %d accepted, refused %s%n",
                    outcome.accepted().size(), outcome.refusedByStatus());

            Set<String> folded = assertFoldedExactlyOnce(outcome);
            assertStreamedOnce(first, queries.get(0), folded);
            assertStreamedOnce(second, queries.get(1), folded);
        }
        // projector-1 folds every partition now
        ReplicatedStack.admin(stack.projectors().get(0)).get("/admin/status").then()
                .body("partitions.size()", equalTo(Topics.EVENTS_PARTITIONS));
    }

    /** Issue #8 fault 2: PostgreSQL refuses the projectors' connections for 20 s mid-fold; the fold retries and catches up. */
    @Test
    @Order(2)
    void aDatabaseGoneFor20SecondsMidFoldDelaysTheFoldAndLosesNothing() throws Exception {
        Map<Integer, Long> checkpointsAtCut;
        try (PushLoad load = PushLoad.start(stack::ingests, 1_000, REPOS, 8)) {
            load.awaitAnswered(300);
            stack.databaseProxy().cut();
            // a commit the proxy had passed on just before the cut has settled by then
            Thread.sleep(1_000);
            checkpointsAtCut = checkpoints();
            Thread.sleep(20_000);
            // nothing was committed while the database was away: no checkpoint moved past records not folded
            assertEquals(checkpointsAtCut, checkpoints(), "checkpoints while the database was unreachable");
            stack.databaseProxy().restore();
            PushLoad.Outcome outcome = load.finish();
            assertFoldedExactlyOnce(outcome);
        }
        assertTrue(stack.projectors().get(0).isAlive(), "projector-1 outlived the outage");
    }

    /**
     * Issue #8 fault 4: the broker is stopped and started again (same port, same log) while deliveries are posted:
     * each answered 2xx is folded exactly once, none answered otherwise (503 while the log was away) appears, and
     * every query node, its notice consumer reconnected, counts each folded one once.
     */
    @Test
    @Order(5)
    void aBrokerRestartedUnderLoadKeepsEveryAcceptedDeliveryAndNoRefusedOne() throws Exception {
        try (PushLoad load = PushLoad.start(stack::ingests, 1_000, REPOS, 8)) {
            load.awaitAnswered(300);
            stack.broker().stopBroker();
            Thread.sleep(8_000);
            stack.broker().restartBroker();
            PushLoad.Outcome outcome = load.finish();
            System.out.printf("[figure] broker restarted under load: %d accepted, refused %s%n",
                    outcome.accepted().size(), outcome.refusedByStatus());
            assertFalse(outcome.refused().isEmpty(), "no delivery was refused: the load missed the broker's absence");
            assertFoldedExactlyOnce(outcome);
        }
    }

    /**
     * Issue #8 fault 1: the projector is killed with SIGKILL mid-batch during a 5,000-delivery load and started again;
     * then every table equals that of a clean fold of the same log: a projector with a fresh database and a consumer
     * group of its own, folding from offset 0 (which also covers everything the earlier faults did to the log).
     */
    @Test
    @Order(4)
    void aProjectorKilledMidBatchLeavesTablesEqualToACleanFoldOfTheLog() throws Exception {
        ServiceProcess projector = stack.projectors().get(0);
        try (PushLoad load = PushLoad.start(stack::ingests, 5_000, REPOS, 16)) {
            load.awaitAnswered(2_500);
            int lag = ReplicatedStack.admin(projector).get("/admin/status").path("total_lag");
            projector.kill();
            System.out.printf("[figure] projector-1 killed with %d records not yet folded%n", lag);
            stack.startProjector("projector-1-restarted", stack.database());
            assertFoldedExactlyOnce(load.finish());
        }

        PostgresDatabaseResource clean = new PostgresDatabaseResource();
        clean.start();
        try {
            ServiceProcess cleanFold = stack.startProjector("projector-clean-fold", clean,
                    Map.of("ORGPULSE_PROJECTOR_CONSUMER_GROUP", "orgpulse-faults-clean-fold"));
            awaitCaughtUp(cleanFold);
            cleanFold.close();
            try (Connection live = stack.database().connect(); Connection rebuilt = clean.connect()) {
                Map<String, TableDigests.Digest> liveDigests = TableDigests.of(live);
                assertEquals(TableDigests.of(rebuilt), liveDigests, "per-table digests: clean fold vs live");
                System.out.printf("[figure] %d tables equal to a clean fold; rows: %s%n", liveDigests.size(),
                        liveDigests.entrySet().stream().map(table -> table.getKey() + "=" + table.getValue().rows())
                                .collect(Collectors.joining(", ")));
            }
        } finally {
            clean.stop();
        }
    }

    /**
     * Waits until the fold has caught up with the log, then checks what it folded of this load: every accepted
     * delivery, no delivery an ingest answered with a refusal (a 503 while the log was away), and perhaps some that
     * got no answer at all (an ingest killed after its transaction committed but before it answered) or a 500
     * {@code log_outcome_unknown}: GitHub would deliver those again, and the delivery id makes the second copy count
     * once. Then waits until every live query
     * instance counts each folded delivery's commit once. Returns the deliveries of this load that were folded.
     * <p>
     * The accepted deliveries are awaited first: a killed ingest's open transaction hides the records committed after
     * it on its partitions until the broker aborts it (at the transaction timeout), and the fold cannot be caught up
     * before that.
     */
    private static Set<String> assertFoldedExactlyOnce(PushLoad.Outcome outcome) throws Exception {
        Set<String> folded = assertFoldedOnce(outcome);
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (ServiceProcess query : alive(stack.queries())) {
                ReplicatedStack.viewer(query).get("/api/stats").then().statusCode(200)
                        .body("commits", equalTo(foldedSoFar.size()));
            }
        });
        return folded;
    }

    /** The fold's half of {@link #assertFoldedExactlyOnce}: what the projector folded of this load, not what readers see. */
    private static Set<String> assertFoldedOnce(PushLoad.Outcome outcome) throws Exception {
        ServiceProcess projector = aliveProjector();
        Set<String> posted = Stream.concat(outcome.accepted().stream(), outcome.refused().keySet().stream())
                .collect(Collectors.toSet());
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500))
                .until(() -> processed(posted).containsAll(outcome.accepted()));
        awaitCaughtUp(projector);
        Set<String> folded = processed(posted);
        // counted before the checks below, so that a failure here does not make the next test's totals wrong too
        foldedSoFar.addAll(folded);
        Set<String> lost = new HashSet<>(outcome.accepted());
        lost.removeAll(folded);
        assertEquals(Set.of(), lost, "accepted deliveries not folded");
        Set<String> refusedButFolded = outcome.refused().entrySet().stream()
                .filter(delivery -> !outcomeUnknown(delivery.getValue()) && folded.contains(delivery.getKey()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertEquals(Set.of(), refusedButFolded, "deliveries answered with a refusal, folded nonetheless");
        System.out.printf("[figure] %d accepted, %d folded (%d that got no answer)%n", outcome.accepted().size(),
                folded.size(), folded.size() - outcome.accepted().size());
        return folded;
    }

    /**
     * No answer, or the ingest's 500 ({@code log_outcome_unknown}: the transaction's commit and abort both failed, as
     * the broker went away): the delivery may be on the log or not, and either is right.
     */
    private static boolean outcomeUnknown(int status) {
        return status == 0 || status == 500;
    }

    /** Of these deliveries, those the projector records as folded (or ignored). */
    private static Set<String> processed(Set<String> deliveries) throws Exception {
        Set<String> processed = new HashSet<>();
        try (Connection connection = stack.database().connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT delivery_id FROM processed_delivery WHERE delivery_id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("text", deliveries.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    processed.add(rows.getString(1));
                }
            }
        }
        return processed;
    }

    /** Waits until the stream has carried one activity for each folded delivery, and checks none came twice. */
    private static void assertStreamedOnce(SseReader stream, ServiceProcess query, Set<String> folded) {
        Map<String, Integer> received = new HashMap<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            stream.takeAll().stream().filter(event -> event.name().equals("activity"))
                    .map(event -> PushLoad.deliveryIn(event.data())).filter(Objects::nonNull)
                    .forEach(delivery -> received.merge(delivery, 1, Integer::sum));
            assertEquals(folded, received.keySet(), "deliveries streamed by " + query.name());
        });
        Map<String, Integer> repeated = received.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), repeated, "deliveries streamed more than once by " + query.name());
    }

    private static void awaitCaughtUp(ServiceProcess projector) {
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertCaughtUp(projector));
    }

    /** The projector's checkpoints are at the end of the log (every record appended so far is folded). */
    private static void assertCaughtUp(ServiceProcess projector) {
        long records = stack.broker().recordCount(Topics.EVENTS);
        Response status = ReplicatedStack.admin(projector).get("/admin/status");
        status.then().statusCode(200).body("total_lag", equalTo(0));
        List<Integer> checkpoints = status.path("partitions.checkpoint");
        long folded = checkpoints.stream().filter(Objects::nonNull).mapToLong(Integer::longValue).sum();
        assertTrue(folded >= records, projector.name() + " checkpoints at " + folded + " of " + records + " records");
    }

    /** The live fold's checkpoints, read from PostgreSQL directly (not through the projectors' proxy). */
    private static Map<Integer, Long> checkpoints() throws Exception {
        Map<Integer, Long> checkpoints = new HashMap<>();
        try (Connection connection = stack.database().connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT partition_id, next_offset FROM checkpoint WHERE topic = ?")) {
            select.setString(1, Topics.EVENTS);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    checkpoints.put(rows.getInt(1), rows.getLong(2));
                }
            }
        }
        return checkpoints;
    }

    private static ServiceProcess aliveProjector() {
        return alive(stack.projectors()).stream().filter(projector -> !projector.name().contains("clean")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no projector is running"));
    }

    private static List<ServiceProcess> alive(List<ServiceProcess> instances) {
        return instances.stream().filter(ServiceProcess::isAlive).toList();
    }
}
