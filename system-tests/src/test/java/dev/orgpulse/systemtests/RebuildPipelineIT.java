package dev.orgpulse.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.testing.Fixtures;
import dev.orgpulse.testing.GitHubDeliveries;

/**
 * Issue #8, fault 5: a blue/green rebuild while deliveries arrive at 20/s, readers poll {@code /api/stats} and hold a
 * stream. No answer is other than 2xx, the stream is told of the switch, and the figures after it equal those of a
 * clean fold of the same log (a second rebuild, with no load): those of {@code /api/stats} and every answer of issue
 * #9 ({@link #REBUILT_ANSWERS}). Its pushes go to a repository of its own; it runs after the system tests that assert
 * exact totals.
 */
@ExtendWith(SharedStack.class)
@Order(Integer.MAX_VALUE)
class RebuildPipelineIT {

    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final Duration BETWEEN_DELIVERIES = Duration.ofMillis(50);
    private static final Duration BETWEEN_READS = Duration.ofMillis(100);
    /** Bounds the load should the rebuild never end. */
    private static final int MOST_DELIVERIES = 4000;
    private static final long REPOSITORY_ID = 880_000_000L + (System.nanoTime() & 0xffff);
    /** The load's commits are Codertocat's (the push fixture's author), in a Java file. */
    private static final String AUTHOR = "Codertocat";

    /** What a clean fold must answer exactly as the live one did: one line per endpoint. */
    private static final List<String> REBUILT_ANSWERS = List.of(
            "/api/stats",
            "/api/prs/metrics",
            "/api/prs/bottlenecks",
            "/api/reviewers/load",
            "/api/ci/summary",
            "/api/ci/filters",
            "/api/projects",
            "/api/metrics",
            "/api/dora",
            "/api/spotlights",
            "/api/people/" + AUTHOR + "/activity",
            "/api/leaderboard?period=all",
            "/api/point-rules",
            "/api/members");
    /** A figure that moves with the clock alone, not with what was folded. */
    private static final String CLOCK_FIELD = "waiting_s";

    private static SystemStack stack;

    @BeforeAll
    static void useTheSharedStack(SystemStack shared) {
        stack = shared;
    }

    @Test
    void aRebuildUnderLoadSwitchesWithNoFailedAnswerAndEndsWithTheFiguresOfACleanFold() throws Exception {
        String repository = "rebuild-org/under-load-" + REPOSITORY_ID;
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger posted = new AtomicInteger();
        stack.awaitProjectorCaughtUp();
        int commitsBefore = settledCommits();

        try (SseReader stream = new SseReader(URI.create(stack.query().baseUri() + "/api/stream"),
                SystemStack.ACCESS_KEY)) {
            Thread deliveries = every(BETWEEN_DELIVERIES, stop, failures, () -> {
                if (posted.get() >= MOST_DELIVERIES) {
                    return;
                }
                byte[] body = push(repository);
                int status = stack.postGitHub("push", UUID.randomUUID().toString(), body,
                        GitHubDeliveries.signature(SystemStack.WEBHOOK_SECRET, body)).statusCode();
                record(failures, "POST /webhooks/github", status);
                if (status == 202) {
                    posted.incrementAndGet();
                }
            });
            Thread reader = every(BETWEEN_READS, stop, failures,
                    () -> record(failures, "GET /api/stats", stack.viewer().get("/api/stats").statusCode()));

            String id = stack.admin().post("/admin/rebuilds").then().statusCode(202).extract().path("id");
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> stack.admin()
                    .get("/admin/rebuilds/" + id).then().statusCode(200).body("state", equalTo("done")));
            Thread.sleep(2_000); // the load goes on past the switch
            stop.set(true);
            deliveries.join();
            reader.join();

            assertEquals(List.of(), List.copyOf(failures), "answers other than 2xx during the rebuild");
            assertNotNull(stream.next("reset", Duration.ofSeconds(30)), "the stream was told of the switch");
            assertNotNull(stream.next("stats", Duration.ofSeconds(30)), "fresh stats follow the reset");
        }
        System.out.printf("[figure] rebuild under load: %d pushes posted at 20/s, no answer other than 2xx%n",
                posted.get());

        stack.awaitProjectorCaughtUp();
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(commitsBefore + posted.get(), commits()));
        Map<String, JsonNode> afterSwitch = answers();
        assertTrue(afterSwitch.get("/api/people/" + AUTHOR + "/activity").path("activity").path("language_days")
                .has("Java"), "the load's commits give their author a language");

        String cleanFold = stack.admin().post("/admin/rebuilds").then().statusCode(202).extract().path("id");
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> stack.admin()
                .get("/admin/rebuilds/" + cleanFold).then().statusCode(200).body("state", equalTo("done")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> stack.viewer().get("/healthz").then()
                .body("version", equalTo(stack.admin().get("/admin/rebuilds/" + cleanFold).path("version"))));
        Map<String, JsonNode> rebuilt = answers();
        REBUILT_ANSWERS.forEach(path -> assertEquals(afterSwitch.get(path), rebuilt.get(path),
                path + " answers after a clean fold of the same log as before"));
        assertEquals(commitsBefore + posted.get(), commits(), "every push folded once");
    }

    /** Each answer of {@link #REBUILT_ANSWERS}, without the {@link #CLOCK_FIELD}. */
    private static Map<String, JsonNode> answers() {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String path : REBUILT_ANSWERS) {
            try {
                JsonNode answer = LogJson.MAPPER.readTree(stack.viewer().get(path).then().statusCode(200).extract()
                        .asString());
                answer.findParents(CLOCK_FIELD).forEach(parent -> ((ObjectNode) parent).remove(CLOCK_FIELD));
                answers.put(path, answer);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(path + " answered no JSON", e);
            }
        }
        return answers;
    }

    /** A push of one new commit to {@code repository}, adding a Java file. */
    private static byte[] push(String repository) {
        try {
            ObjectNode payload = (ObjectNode) LogJson.MAPPER.readTree(
                    Fixtures.github("push", "with-new-branch.payload.json"));
            String sha = UUID.randomUUID().toString().replace("-", "") + "00000000";
            ObjectNode commit = (ObjectNode) payload.withArray("commits").get(0);
            commit.put("id", sha);
            commit.putArray("added").add("src/main/java/dev/example/UnderLoad.java");
            payload.put("after", sha);
            ObjectNode repo = (ObjectNode) payload.get("repository");
            repo.put("id", REPOSITORY_ID).put("full_name", repository).put("name", repository.substring(
                    repository.indexOf('/') + 1));
            return LogJson.MAPPER.writeValueAsBytes(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int commits() {
        return stack.viewer().get("/api/stats").then().statusCode(200).extract().path("commits");
    }

    /** The commit count once two reads a second apart agree (the last change notices have emptied the caches). */
    private static int settledCommits() {
        int[] last = {-1};
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            int now = commits();
            boolean settled = now == last[0];
            last[0] = now;
            return settled;
        });
        return last[0];
    }

    private static void record(Queue<String> failures, String request, int status) {
        if (status < 200 || status > 299) {
            failures.add(request + " -> " + status);
        }
    }

    private static Thread every(Duration pause, AtomicBoolean stop, Queue<String> failures, Runnable action) {
        Thread thread = new Thread(() -> {
            while (!stop.get()) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    failures.add("no answer: " + e); // a refused connection fails as much as a 5xx
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
