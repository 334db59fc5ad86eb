package dev.orgpulse.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.testing.Fixtures;
import dev.orgpulse.testing.LogWatch;
import dev.orgpulse.testing.google.GoogleIdToken;
import dev.orgpulse.testing.google.GoogleKeys;
import dev.orgpulse.testing.google.GoogleStandIn;
import dev.orgpulse.testing.google.MeetParticipantPush;
import dev.orgpulse.testing.google.PubSubDelivery;
import io.restassured.path.json.JsonPath;

/**
 * A Meet meeting from Pub/Sub push to {@code /api/meetings} (issue #4), through the three packaged services: the
 * test fixtures' pushes, each with a Google-style ID token signed by the key the stand-in Google publishes, are
 * appended to the log; the ingest service's enricher asks the Meet API (WireMock, answering
 * meet-api-participant.json) who the participant is and appends the answer; the projector folds both; the query
 * service shows the meeting, its participant and the attendance.
 */
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeetPipelineIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<String> MEETING_FIXTURES = List.of(
            "conference-started.json", "participant-joined.json", "participant-left.json", "conference-ended.json");
    /** When the fixtures' meeting ended (conference-ended.json). */
    private static final Instant FIXTURE_MEETING_END = Instant.parse("2026-11-20T10:45:02Z");
    private static final Duration WEEK = Duration.ofDays(7);
    /**
     * How far the meeting's event times are moved on: by whole weeks, to the last week by now in which it had ended.
     * Attendance counts weeks back from the current one, so the fixtures' meeting has to stay within reach whenever
     * this runs; times of day, durations and order stay as the fixtures have them (no move while they are recent).
     */
    private static final Duration SHIFT = WEEK.multipliedBy(
            Math.floorDiv(Duration.between(FIXTURE_MEETING_END, Instant.now()).getSeconds(), WEEK.getSeconds()));
    /** meet-api-participant.json's signed-in user. */
    private static final String ADA = "users/118234567890123456789";

    private static SystemStack stack;

    @BeforeAll
    static void useTheSharedStack(SystemStack shared) {
        stack = shared;
        stack.google().answerParticipant(MeetParticipantPush.FIXTURE_PARTICIPANT,
                GoogleStandIn.json(Fixtures.pubsub("meet-api-participant.json")));
    }

    @Test
    @Order(1)
    void aPushWithATokenSignedByAKeyGoogleNeverPublishedIsRefusedAndNeverReachesTheLog() {
        // before this class pushes any Meet event, so the enricher has nothing to append meanwhile
        long recordsBefore = stack.broker().recordCount(Topics.EVENTS);

        PubSubDelivery.fixture("participant-joined.json")
                .bearer(GoogleIdToken.valid().signedWith(GoogleKeys.UNPUBLISHED))
                .postTo(stack.ingest().baseUri())
                .then().statusCode(401);

        assertEquals(recordsBefore, stack.broker().recordCount(Topics.EVENTS), "records on the log");
    }

    @Test
    @Order(2)
    void aMeetingPushedThroughPubSubShowsItsParticipantNamedByTheMeetApiAndTheirMinutes() {
        LogWatch log = LogWatch.from(stack.broker());
        for (String fixture : MEETING_FIXTURES) {
            shifted(fixture).postTo(stack.ingest().baseUri()).then().statusCode(oneOf(202, 204));
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> shown = fixtureMeeting();
            assertNotNull(shown, "the meeting on /api/meetings");
            assertEquals(1, participants(shown).size(), "participants: " + shown);
            assertEquals("Ada Lovelace", participants(shown).get(0).get("name"), "named by the Meet API: " + shown);
            assertNotNull(participants(shown).get(0).get("left_at"), "left: " + shown);
            assertNotNull(shown.get("ended_at"), "ended: " + shown);
        });
        Map<String, Object> meeting = fixtureMeeting();
        assertEquals("spaces/jQCFfuBOdN5z", meeting.get("space"));
        assertEquals(fixtureTime("2026-11-20T10:00:00Z"), Instant.parse((String) meeting.get("started_at")));
        assertEquals(fixtureTime("2026-11-20T10:45:02Z"), Instant.parse((String) meeting.get("ended_at")));
        assertEquals(45, meeting.get("duration_minutes"));
        Map<String, Object> ada = participants(meeting).get(0);
        assertEquals(MeetParticipantPush.FIXTURE_PARTICIPANT, ada.get("participant"));
        assertEquals(ADA, ada.get("user"));
        assertEquals(fixtureTime("2026-11-20T10:01:10Z"), Instant.parse((String) ada.get("joined_at")));
        assertEquals(fixtureTime("2026-11-20T10:41:55Z"), Instant.parse((String) ada.get("left_at")));
        assertEquals(41, ada.get("minutes"), "minutes from 10:01:10 to 10:41:55, rounded");

        List<Map<String, Object>> attendance = stack.viewer().get("/api/meetings/attendance?weeks=2")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.person == '" + ADA + "' }");
        assertEquals(List.of(Map.of("week", isoWeek(fixtureTime("2026-11-20T10:00:00Z")), "person", ADA,
                "name", "Ada Lovelace", "minutes", 41, "meetings", 1)), attendance);

        // on the log: each push once, and the Meet API's answer once, under the meeting's key
        for (String fixture : MEETING_FIXTURES) {
            assertEquals(1, log.appended(shifted(fixture).messageId()).size(), fixture);
        }
        List<ConsumerRecord<String, byte[]>> answers = log.appended("meet-api:" + MeetParticipantPush.FIXTURE_PARTICIPANT);
        assertEquals(1, answers.size(), "Meet API answers on the log");
        assertEquals(MeetParticipantPush.SPACE_KEY, answers.get(0).key());
        assertEquals(1, stack.google().participantLookups(MeetParticipantPush.FIXTURE_PARTICIPANT), "Meet API calls");
        stack.awaitProjectorCaughtUp();
        stack.admin().get("/admin/status").then().body("dead_letters", equalTo(0));
    }

    @Test
    @Order(3)
    void theSubscriptionsExpirationReminderIsShownToOperators() {
        PubSubDelivery.fixture("subscription-expiration-reminder.json").postTo(stack.ingest().baseUri())
                .then().statusCode(oneOf(202, 204));

        String reminder = "meet_subscriptions.find { it.subscription == 'subscriptions/c2VzLXN1Yi0x' }";
        await().atMost(PATIENCE).untilAsserted(() -> stack.admin().get("/admin/status").then().statusCode(200)
                .body(reminder + ".last_event", equalTo("google.workspace.events.subscription.v1.expirationReminder"))
                .body(reminder + ".at", equalTo("2026-11-20T22:00:00Z"))
                .body(reminder + ".expire_time", equalTo("2026-11-21T10:00:00Z")));
    }

    /** The fixtures' meeting as {@code GET /api/meetings} shows it, {@code null} while it does not. */
    private static Map<String, Object> fixtureMeeting() {
        JsonPath meetings = stack.viewer().get("/api/meetings").then().statusCode(200).extract().jsonPath();
        return meetings.getMap("find { it.conference == '" + MeetParticipantPush.CONFERENCE + "' }");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> participants(Map<String, Object> meeting) {
        return (List<Map<String, Object>>) meeting.get("participants");
    }

    /** The fixture's push, its times moved on by {@link #SHIFT}. */
    private static PubSubDelivery shifted(String fixture) {
        if (SHIFT.isZero()) {
            return PubSubDelivery.fixture(fixture);
        }
        return PubSubDelivery.editedFixture(fixture, envelope -> {
            ObjectNode message = (ObjectNode) envelope.path("message");
            ObjectNode attributes = (ObjectNode) message.path("attributes");
            attributes.put("ce-time", shift(attributes.path("ce-time").asText()));
            message.put("publishTime", shift(message.path("publishTime").asText()));
            message.put("publish_time", shift(message.path("publish_time").asText()));
        });
    }

    private static String shift(String time) {
        return Instant.parse(time).plus(SHIFT).toString();
    }

    /** A time of the fixtures' meeting, as it was pushed. */
    private static Instant fixtureTime(String time) {
        return Instant.parse(time).plus(SHIFT);
    }

    /** {@code 2026-W47}: the ISO week-based year and week, in UTC. */
    private static String isoWeek(Instant time) {
        ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
        return String.format("%d-W%02d", utc.get(IsoFields.WEEK_BASED_YEAR), utc.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
