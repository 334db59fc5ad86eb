package dev.orgpulse.projector.deadletter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.projector.support.FoldingIntegrationTest;
import dev.orgpulse.projector.support.Payloads;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Dead letters on the real log and database: PostgreSQL refuses a repository's pull requests (a constraint the test
 * adds, the "bug"), the projector keeps them as dead letters and moves on; after the constraint is dropped (the
 * "fix") a retry folds each from the log into the read models and it leaves the list, once.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
class DeadLetterRetryTest extends FoldingIntegrationTest {

    private static final String ADMIN_KEY = "Bearer test-admin-key";

    @Test
    void aDeadLetterRetriedAfterTheFixIsFoldedOnceAndLeavesTheList() {
        String repo = Payloads.uniqueRepo();
        String delivery = uuid();
        refuse(repo);
        RecordMetadata record;
        try {
            record = awaitFolded(log.github("pull_request", delivery, Payloads.pullRequest("opened", repo, 7)));
            Map<String, Object> listed = listed(delivery);
            assertEquals(Topics.EVENTS, listed.get("topic"));
            assertEquals(record.partition(), listed.get("partition"));
            assertEquals((int) record.offset(), listed.get("offset"));
            assertEquals("pull_request", listed.get("event_type"));
            assertTrue(((String) listed.get("reason")).startsWith("PostgreSQL refused its writes"), listed.toString());
            assertTrue(listed.get("recorded_at") instanceof String, listed.toString());
            long id = ((Number) listed.get("id")).longValue();

            admin().post("/admin/dead-letters/" + id + "/retry").then().statusCode(200)
                    .body("outcome", equalTo("dead_letter")).body("reason", startsWith("PostgreSQL refused"));
            assertEquals(id, ((Number) listed(delivery).get("id")).longValue(), "still a dead letter before the fix");
            assertEquals(0, pullRequests(repo));
        } finally {
            allow(repo);
        }
        long id = ((Number) listed(delivery).get("id")).longValue();

        admin().post("/admin/dead-letters/" + id + "/retry").then().statusCode(200)
                .body("id", equalTo((int) id)).body("outcome", equalTo("folded"));

        assertEquals(1, pullRequests(repo));
        assertEquals(1, sql.number("SELECT count(*) FROM processed_delivery WHERE delivery_id = ?", delivery));
        assertEquals(0, sql.number("SELECT count(*) FROM dead_letter WHERE delivery_id = ?", delivery));
        admin().post("/admin/dead-letters/" + id + "/retry").then().statusCode(404).body("error", equalTo("not found"));
        assertEquals(1, sql.number("SELECT count(*) FROM feed_fact WHERE natural_key = ?",
                "pr-opened:" + Payloads.repositoryId(repo) + "#7"), "its feed item once");
    }

    @Test
    void retryingAllFoldsEveryDeadLetterThatNowFolds() {
        String repo = Payloads.uniqueRepo();
        List<String> deliveries = List.of(uuid(), uuid());
        refuse(repo);
        try {
            awaitFolded(List.of(log.github("pull_request", deliveries.get(0), Payloads.pullRequest("opened", repo, 1)),
                    log.github("pull_request", deliveries.get(1), Payloads.pullRequest("opened", repo, 2))));
            deliveries.forEach(this::listed);
        } finally {
            allow(repo);
        }

        // other tests' dead letters (records no fold can read) are retried too, and stay
        admin().post("/admin/dead-letters/retry").then().statusCode(200)
                .body("outcomes.findAll { it.outcome == 'folded' }.size()", equalTo(2));

        assertEquals(2, pullRequests(repo));
        assertEquals(0, sql.number("SELECT count(*) FROM dead_letter WHERE delivery_id IN (?, ?)",
                deliveries.get(0), deliveries.get(1)));
        assertTrue(page().stream().noneMatch(item -> deliveries.contains(item.get("delivery_id"))));
    }

    @Test
    void theListIsPagedAndBehindTheAdminKey() {
        admin().get("/admin/dead-letters?page=0&size=1").then().statusCode(200).body("page", equalTo(0))
                .body("size", equalTo(1));
        admin().get("/admin/dead-letters?size=0").then().statusCode(400).body("error", equalTo("bad request"));
        given().get("/admin/dead-letters").then().statusCode(401);
        given().post("/admin/dead-letters/retry").then().statusCode(401);
    }

    /** The dead letter of a delivery, as the list shows it; waits for it to be there. */
    private Map<String, Object> listed(String delivery) {
        await().atMost(PATIENCE).until(() -> page().stream().anyMatch(item -> delivery.equals(item.get("delivery_id"))));
        return page().stream().filter(item -> delivery.equals(item.get("delivery_id"))).findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> page() {
        return admin().get("/admin/dead-letters?size=500").then().statusCode(200).extract().path("items");
    }

    private long pullRequests(String repo) {
        return sql.number("SELECT count(*) FROM pull_request WHERE repo_id = ?", Payloads.repositoryId(repo));
    }

    private void refuse(String repo) {
        sql.execute("ALTER TABLE " + livePullRequests() + " ADD CONSTRAINT " + constraint(repo) + " CHECK (repo_id <> "
                + Payloads.repositoryId(repo) + ")");
    }

    private void allow(String repo) {
        sql.execute("ALTER TABLE " + livePullRequests() + " DROP CONSTRAINT " + constraint(repo));
    }

    /** The table itself, in the current read-model version's schema (readers see it through a view). */
    private String livePullRequests() {
        return "orgpulse_" + sql.row("SELECT current FROM orgpulse.read_model_pointer").get("current") + ".pull_request";
    }

    private static String constraint(String repo) {
        return "refuse_" + Long.toHexString(Payloads.repositoryId(repo));
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", ADMIN_KEY);
    }
}
