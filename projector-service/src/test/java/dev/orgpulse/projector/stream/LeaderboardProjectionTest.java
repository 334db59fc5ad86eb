package dev.orgpulse.projector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.PointRules;
import dev.orgpulse.eventlog.ReadModel;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.projector.support.FoldingIntegrationTest;
import dev.orgpulse.projector.support.Payloads;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The leaderboard's and the members' read models through the real log: rule changes, counts per kind, membership. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
class LeaderboardProjectionTest extends FoldingIntegrationTest {

    @Test
    void aRuleChangeIsKeptWholeAndAnnouncedAndOneThatIsNotARuleSetIsADeadLetter() {
        String change = "point-rules:" + UUID.randomUUID();
        String broken = "point-rules:" + UUID.randomUUID();

        awaitFolded(pointRules(change, "[{\"event\": \"review\", \"points\": 10}]"));
        awaitFolded(pointRules(broken, "[{\"event\": \"stars\", \"points\": 1}]"));

        Map<String, Object> stored = sql.row("SELECT rules FROM point_rules_change WHERE delivery_id = ?", change);
        List<PointRules.Rule> rules = PointRules.read(((String) stored.get("rules")).getBytes(StandardCharsets.UTF_8));
        assertEquals(10, rules.get(2).points());
        assertEquals(PointRules.DEFAULTS.size(), rules.size());
        awaitChangeNotice(notice -> notice.changed().contains(ReadModel.POINT_RULES));
        assertEquals(1, sql.number("SELECT count(*) FROM dead_letter WHERE delivery_id = ?", broken));
    }

    @Test
    void activitiesAreCountedPerDayAndKindAndMembershipFollowsJoinsAndRemovals() {
        String login = "dev-" + UUID.randomUUID().toString().substring(0, 8);
        String repo = Payloads.uniqueRepo();
        ObjectNode push = Payloads.push(repo, "main", Payloads.commit(Payloads.sha(), "one", login,
                "2026-11-30T09:00:00Z"), Payloads.commit(Payloads.sha(), "two", login, "2026-11-30T18:00:00Z"),
                Payloads.commit(Payloads.sha(), "three", login, "2026-12-01T08:00:00Z"));
        ObjectNode added = member(Payloads.fixture("organization", "member_added.payload.json"), login);
        ObjectNode removed = member(Payloads.fixture("organization", "member_added.payload.json"), login)
                .put("action", "member_removed");

        awaitFolded(List.of(log.github("push", UUID.randomUUID().toString(), push),
                log.github("organization", UUID.randomUUID().toString(), added)));
        Timestamp joined = (Timestamp) sql.row("SELECT last_joined_at FROM org_member WHERE login = ?", login)
                .get("last_joined_at");
        awaitFolded(log.github("organization", UUID.randomUUID().toString(), removed));

        assertEquals(List.of("2026-11-30 commit 2", "2026-12-01 commit 1"), sql.rows(
                "SELECT day::text || ' ' || kind || ' ' || items AS count FROM daily_kind_activity WHERE dev = ?"
                        + " ORDER BY day", login).stream().map(row -> row.get("count")).toList());
        assertEquals(Instant.parse("2026-11-30T09:00:00Z"),
                ((Timestamp) sql.row("SELECT at FROM first_active WHERE dev = ?", login).get("at")).toInstant());
        Map<String, Object> membership = sql.row(
                "SELECT first_joined_at, last_joined_at, removed_at > last_joined_at AS left FROM org_member WHERE login = ?",
                login);
        assertEquals(Arrays.asList(joined, joined, true), List.of(membership.get("first_joined_at"),
                membership.get("last_joined_at"), membership.get("left")));
    }

    private RecordMetadata pointRules(String deliveryId, String rules) {
        DeliveryMetadata change = DeliveryMetadata.accepted(Sources.ADMIN, PointRules.EVENT_TYPE, deliveryId,
                Instant.now(), "application/json", "admin-key");
        return log.send(PointRules.RECORD_KEY, change.toHeaders(), rules.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode member(ObjectNode payload, String login) {
        ((ObjectNode) payload.path("membership").path("user")).put("login", login);
        return payload;
    }
}
