package dev.orgpulse.projector.stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.ChangeNotice;
import dev.orgpulse.eventlog.ReadModel;
import dev.orgpulse.projector.support.FoldingIntegrationTest;
import dev.orgpulse.projector.support.MeetRecords;
import dev.orgpulse.projector.support.MeetRecords.LogEntry;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Meet's events and the Meet API's answers through the real log into the real read models, in any order. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
class MeetProjectionTest extends FoldingIntegrationTest {

    /** A meeting with its sessions and who their participants are: what the meeting queries join. */
    private static final String MEETING = """
            SELECT c.space, c.started_at, c.ended_at, c.first_seen_at, s.session, s.participant, s.joined_at, s.left_at,
                   round(extract(epoch FROM s.left_at - s.joined_at) / 60) AS minutes, p.kind, p.display_name,
                   p.google_user, p.earliest_start_time, p.latest_end_time
            FROM meet_conference c
            LEFT JOIN meet_participant_session s ON s.conference = c.conference
            LEFT JOIN meet_participant p ON p.participant = s.participant
            WHERE c.conference = ?""";

    @Test
    void theMeetingsEventsAndTheApiAnswerMakeOneMeetingWithOneNamedParticipant() {
        String conferenceId = uuid();

        awaitFolded(inOrder(conferenceId));

        Map<String, Object> meeting = sql.row(MEETING, MeetRecords.conference(conferenceId));
        assertEquals(MeetRecords.SPACE, meeting.get("space"));
        assertEquals(List.of(Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-20T10:45:02Z")),
                List.of(instant(meeting, "started_at"), instant(meeting, "ended_at")));
        assertEquals(MeetRecords.participant(conferenceId), meeting.get("participant"));
        assertEquals(41, ((Number) meeting.get("minutes")).intValue());
        assertEquals(List.of("Ada Lovelace", "users/118234567890123456789"),
                List.of(meeting.get("display_name"), meeting.get("google_user")));
        assertEquals(5, sql.number("SELECT count(*) FROM processed_delivery WHERE outcome = 'folded'"
                + " AND (delivery_id LIKE ? OR delivery_id = ?)", conferenceId + "%",
                "meet-api:" + MeetRecords.participant(conferenceId)));
    }

    @Test
    void theRecordsInReverseOrderAndEachPushedTwiceGiveTheSameRows() {
        String inOrder = uuid();
        String reversed = uuid();
        awaitFolded(inOrder(inOrder));

        List<LogEntry> entries = new ArrayList<>();
        for (String fixture : MeetRecords.MEETING) {
            entries.add(MeetRecords.push(fixture, reversed, reversed + "-" + fixture));
            entries.add(MeetRecords.push(fixture, reversed, reversed + "-again-" + fixture));
        }
        entries.add(MeetRecords.participantAnswer(reversed));
        Collections.reverse(entries);
        awaitFolded(send(entries));

        assertEquals(rowsOf(inOrder), rowsOf(reversed));
        assertEquals(1, sql.number("SELECT count(*) FROM meet_participant_session WHERE conference = ?",
                MeetRecords.conference(reversed)));
    }

    @Test
    void aMeetingsEventAloneIsAnnouncedAsAChangeOfTheMeetings() {
        String conferenceId = uuid();
        RecordMetadata joined = awaitFolded(send(List.of(MeetRecords.push(MeetRecords.JOINED, conferenceId, uuid()))));

        ChangeNotice notice = ChangeNotice.fromJson(awaitChangeNotice(reaching(joined)).value());

        assertTrue(notice.changed().contains(ReadModel.MEETINGS), notice.changed().toString());
        assertEquals(List.of(), notice.feed(), "meetings make no feed items");
    }

    @Test
    void adminStatusShowsTheSubscriptionsExpirationReminder() {
        awaitFolded(send(List.of(MeetRecords.push(MeetRecords.EXPIRATION_REMINDER,
                MeetRecords.FIXTURE_CONFERENCE_ID, uuid()))));

        given().header("Authorization", "Bearer test-admin-key").get("/admin/status").then().statusCode(200)
                .body("meet_subscriptions.find { it.subscription == '" + MeetRecords.SUBSCRIPTION + "' }.last_event",
                        equalTo("google.workspace.events.subscription.v1.expirationReminder"))
                .body("meet_subscriptions.find { it.subscription == '" + MeetRecords.SUBSCRIPTION + "' }.at",
                        equalTo("2026-11-20T22:00:00Z"))
                .body("meet_subscriptions.find { it.subscription == '" + MeetRecords.SUBSCRIPTION + "' }.expire_time",
                        equalTo("2026-11-21T10:00:00Z"));
    }

    /** The meeting's events as they happened, then the answer about its participant. */
    private RecordMetadata inOrder(String conferenceId) {
        List<LogEntry> entries = new ArrayList<>();
        for (String fixture : MeetRecords.MEETING) {
            entries.add(MeetRecords.push(fixture, conferenceId, conferenceId + "-" + fixture));
        }
        entries.add(MeetRecords.participantAnswer(conferenceId));
        return send(entries);
    }

    /** @return the last record's position: one key, one partition, so the others are folded when it is */
    private RecordMetadata send(List<LogEntry> entries) {
        RecordMetadata last = null;
        for (LogEntry entry : entries) {
            last = log.send(entry.key(), entry.delivery().toHeaders(), entry.value());
        }
        return last;
    }

    /** The meeting's rows with its conference id left out, to compare two meetings. */
    private List<Map<String, Object>> rowsOf(String conferenceId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : sql.rows(MEETING, MeetRecords.conference(conferenceId))) {
            Map<String, Object> anonymous = new HashMap<>(row);
            anonymous.replaceAll((column, value) -> value instanceof String text ? text.replace(conferenceId, "<c>")
                    : value);
            rows.add(anonymous);
        }
        return rows;
    }

    private static Instant instant(Map<String, Object> row, String column) {
        return ((Timestamp) row.get(column)).toInstant();
    }

}
