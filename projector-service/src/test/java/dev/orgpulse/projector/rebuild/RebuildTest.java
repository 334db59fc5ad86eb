package dev.orgpulse.projector.rebuild;

import static dev.orgpulse.projector.support.Payloads.commit;
import static dev.orgpulse.projector.support.Payloads.push;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import dev.orgpulse.projector.support.FoldingIntegrationTest;
import dev.orgpulse.projector.support.Payloads;
import dev.orgpulse.projector.version.ReadModelVersion;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/**
 * Blue/green rebuilds on the real broker and PostgreSQL, with a database and a log of their own (the profile restarts
 * both), so that whole read models can be compared: a rebuild beside the live fold while records arrive, the switch,
 * the live fold following it, a roll back to the kept version, a cancel.
 */
@QuarkusTest
@TestProfile(RebuildTest.OwnDatabase.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
class RebuildTest extends FoldingIntegrationTest {

    public static class OwnDatabase implements QuarkusTestProfile {
    }

    /** Columns a fold fills with the time of writing or a sequence: they differ between two folds of one log. */
    private static final String WRITTEN_WHEN = "- 'folded_at' - 'recorded_at' - 'updated_at'";

    @Test
    void aRebuildFoldsTheLogBesideTheLiveOneAndBecomesCurrent() throws SQLException {
        List<String> repos = List.of(Payloads.uniqueRepo(), Payloads.uniqueRepo(), Payloads.uniqueRepo());
        awaitFolded(pushes(repos, 30));

        String id;
        List<RecordMetadata> duringRebuild;
        try (Connection holder = dataSource.getConnection()) {
            // holding the pointer as a live batch does keeps the rebuild from switching (it waits for the batches)
            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT current FROM orgpulse.read_model_pointer FOR SHARE");
            id = admin().post("/admin/rebuilds").then().statusCode(202).body("version", equalTo("v2"))
                    .extract().path("id");
            await().atMost(PATIENCE).untilAsserted(() -> admin().get("/admin/rebuilds/" + id).then()
                    .body("state", equalTo("switching")));
            admin().post("/admin/rebuilds").then().statusCode(409).body("error", equalTo("conflict"));
            // the live fold goes on meanwhile, so the rebuild finds it ahead when it may switch, and folds on first
            duringRebuild = pushes(repos, 20);
            awaitFolded(duringRebuild);
            holder.rollback();
        }

        await().atMost(PATIENCE).untilAsserted(() -> admin().get("/admin/rebuilds/" + id).then().statusCode(200)
                .body("state", equalTo("done")));
        awaitFolded(duringRebuild);
        admin().get("/admin/rebuilds").then().statusCode(200).body("[0].id", equalTo(id))
                .body("[0].remaining", equalTo(0));
        assertEquals("v2", current());
        // the live fold follows the pointer: what arrives now is folded into v2 and announced as v2
        RecordMetadata afterSwitch = pushes(repos, 1).get(0);
        assertEquals("v2", awaitChangeNotice(reaching(afterSwitch)).key());
        assertEquals(51 * 2, sql.number("SELECT count(*) FROM git_commit WHERE repo = ANY(?)",
                (Object) repos.toArray(String[]::new)), "every commit once");

        // roll back: the kept v1 folds what it missed since the switch, then becomes current again
        String back = admin().queryParam("version", "v1").post("/admin/rebuilds").then().statusCode(202)
                .body("version", equalTo("v1")).extract().path("id");
        await().atMost(PATIENCE).untilAsserted(() -> admin().get("/admin/rebuilds/" + back).then()
                .body("state", equalTo("done")));
        assertEquals("v1", current());
        assertEquals(digests(new ReadModelVersion(2)), digests(new ReadModelVersion(1)),
                "the live fold and the rebuild wrote the same read models");

        // a cancelled rebuild leaves no schema behind
        String cancelled = admin().post("/admin/rebuilds").then().statusCode(202).body("version", equalTo("v3"))
                .extract().path("id");
        admin().delete("/admin/rebuilds/" + cancelled).then().statusCode(200).body("state", equalTo("cancelled"));
        assertEquals(0, sql.number("SELECT count(*) FROM pg_namespace WHERE nspname = 'orgpulse_v3'"));
        admin().delete("/admin/rebuilds/" + cancelled).then().statusCode(409);
        admin().get("/admin/rebuilds/no-such-rebuild").then().statusCode(404);
        assertEquals("v1", current());
    }

    private List<RecordMetadata> pushes(List<String> repos, int count) {
        List<RecordMetadata> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            written.add(log.github("push", uuid(), push(repos.get(i % repos.size()), "main",
                    commit(Payloads.sha(), "Change " + i, "dev-" + (i % 4), "2024-03-01T09:00:00Z"),
                    commit(Payloads.sha(), "Follow-up " + i, "dev-" + (i % 5), "2024-03-02T09:00:00Z"))));
        }
        return written;
    }

    private String current() {
        return (String) sql.row("SELECT current FROM orgpulse.read_model_pointer").get("current");
    }

    /** A digest of every table and view of a version, except what says when it was written and by which version. */
    private Map<String, Object> digests(ReadModelVersion version) {
        Map<String, Object> digests = new TreeMap<>();
        for (Map<String, Object> relation : sql.rows("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = ?
                  AND table_name NOT IN ('flyway_schema_history', 'read_model_status')""", version.schema())) {
            String name = (String) relation.get("table_name");
            // sequences hand out other ids to the feed items and dead letters of two folds: their order is compared
            String withoutIds = name.equals("feed_item") || name.equals("dead_letter") ? " - 'id'" : "";
            digests.put(name, sql.row("""
                    SELECT count(*) AS rows, md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS digest
                    FROM (SELECT to_jsonb(t) %s%s AS r FROM %s.%s t) rows""".formatted(WRITTEN_WHEN, withoutIds,
                    version.schema(), name)));
        }
        assertTrue(((Number) ((Map<?, ?>) digests.get("git_commit")).get("rows")).longValue() > 0);
        return digests;
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer test-admin-key");
    }
}
