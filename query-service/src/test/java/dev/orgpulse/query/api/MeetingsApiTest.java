package dev.orgpulse.query.api;

import static dev.orgpulse.query.support.Json.assertJsonEquals;
import static dev.orgpulse.query.support.ViewerApi.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orgpulse.query.support.ReadModelRows;
import dev.orgpulse.query.support.TestCaches;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.cache.CacheManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code /api/meetings} and {@code /api/meetings/attendance} over Meet read-model rows as the projector writes them:
 * an ended meeting (overlapping sessions, a guest whose left was lost, a participant not resolved yet, one whose
 * joined was lost), a running one, and one of last week.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "migrations",
        value = "filesystem:../projector-service/src/main/resources/db/migration"))
class MeetingsApiTest {

    /** This ISO week's Monday, 00:00 UTC: the meetings are placed in this week and the one before. */
    private static final Instant MONDAY = LocalDate.now(ZoneOffset.UTC)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant ENDED_START = MONDAY.plus(Duration.ofHours(1));
    private static final Instant ENDED_END = ENDED_START.plus(Duration.ofMinutes(45).plusSeconds(2));
    private static final Instant RUNNING_START = MONDAY.plus(Duration.ofHours(2));
    private static final Instant LAST_WEEK_START = ENDED_START.minus(Duration.ofDays(7));

    private static final String ENDED = "conferenceRecords/ended";
    private static final String ADA = ENDED + "/participants/ada";
    private static final String GUEST = ENDED + "/participants/guest";
    private static final String UNRESOLVED = ENDED + "/participants/p3";
    private static final String GRACE = ENDED + "/participants/grace";
    private static final String RUNNING = "conferenceRecords/running";
    private static final String ADA_RUNNING = RUNNING + "/participants/ada";
    private static final String LAST_WEEK = "conferenceRecords/last-week";
    private static final String ADA_LAST_WEEK = LAST_WEEK + "/participants/ada";

    @Inject
    CacheManager cacheManager;

    @BeforeEach
    void readModels() {
        ReadModelRows.clear();
        TestCaches.emptyAll(cacheManager);
        ReadModelRows.meeting(ENDED, "spaces/a", ENDED_START, ENDED_END, ENDED_START);
        ReadModelRows.participantSession(ADA, "a1", after(ENDED_START, 1, 10), after(ENDED_START, 41, 55));
        ReadModelRows.participantSession(ADA, "a2", after(ENDED_START, 40, 0), after(ENDED_START, 44, 0));
        ReadModelRows.meetParticipant(ADA, "signed_in", "Ada Lovelace", "users/1");
        ReadModelRows.participantSession(GUEST, "g1", after(ENDED_START, 5, 0), null);
        ReadModelRows.meetParticipant(GUEST, "anonymous", "Guest 42", null);
        ReadModelRows.participantSession(UNRESOLVED, "u1", after(ENDED_START, 10, 0), after(ENDED_START, 20, 0));
        ReadModelRows.participantSession(GRACE, "h1", null, after(ENDED_START, 30, 0));
        ReadModelRows.meetParticipant(GRACE, "signed_in", "Grace Hopper", "users/2");

        ReadModelRows.meeting(RUNNING, "spaces/b", RUNNING_START, null, RUNNING_START);
        ReadModelRows.participantSession(ADA_RUNNING, "r1", after(RUNNING_START, 1, 0), null);
        ReadModelRows.meetParticipant(ADA_RUNNING, "signed_in", "Ada L.", "users/1");

        ReadModelRows.meeting(LAST_WEEK, "spaces/a", LAST_WEEK_START, after(LAST_WEEK_START, 30, 0), LAST_WEEK_START);
        ReadModelRows.participantSession(ADA_LAST_WEEK, "l1", LAST_WEEK_START, after(LAST_WEEK_START, 30, 0));
        ReadModelRows.meetParticipant(ADA_LAST_WEEK, "signed_in", "Ada Lovelace", "users/1");
    }

    @Test
    void recentMeetingsAreNewestFirstWithTheirParticipantsFirstToJoinFirst() {
        Map<String, Object> running = meeting("spaces/b", RUNNING, RUNNING_START, null, null,
                participant(ADA_RUNNING, "Ada L.", "users/1", after(RUNNING_START, 1, 0), null, 0));
        Map<String, Object> ended = meeting("spaces/a", ENDED, ENDED_START, ENDED_END, 45,
                participant(ADA, "Ada Lovelace", "users/1", after(ENDED_START, 1, 10), after(ENDED_START, 44, 0), 43),
                participant(GUEST, "Guest 42", null, after(ENDED_START, 5, 0), null, 40),
                participant(UNRESOLVED, UNRESOLVED, null, after(ENDED_START, 10, 0), after(ENDED_START, 20, 0), 10),
                participant(GRACE, "Grace Hopper", "users/2", null, after(ENDED_START, 30, 0), 30));
        Map<String, Object> lastWeek = meeting("spaces/a", LAST_WEEK, LAST_WEEK_START, after(LAST_WEEK_START, 30, 0),
                30, participant(ADA_LAST_WEEK, "Ada Lovelace", "users/1", LAST_WEEK_START,
                        after(LAST_WEEK_START, 30, 0), 30));

        assertJsonEquals(List.of(running, ended, lastWeek), get("/api/meetings"));
        assertJsonEquals(List.of(running, ended), get("/api/meetings?limit=2"));
    }

    @Test
    void attendanceIsEachPersonsTimePerWeekNewestWeekAndMostMinutesFirst() {
        String thisWeek = isoWeek(MONDAY);
        List<Map<String, Object>> current = List.of(
                // the ended meeting (sessions overlapping 40:00-41:55 once) and the running one (still in: nothing yet)
                week(thisWeek, "users/1", "Ada L.", 43, 2),
                week(thisWeek, GUEST, "Guest 42", 40, 1),
                week(thisWeek, "users/2", "Grace Hopper", 30, 1),
                week(thisWeek, UNRESOLVED, UNRESOLVED, 10, 1));

        assertJsonEquals(current, get("/api/meetings/attendance?weeks=1"));
        List<Map<String, Object>> twoWeeks = new ArrayList<>(current);
        twoWeeks.add(week(isoWeek(LAST_WEEK_START), "users/1", "Ada Lovelace", 30, 1));
        assertJsonEquals(twoWeeks, get("/api/meetings/attendance?weeks=2"));
        assertJsonEquals(twoWeeks, get("/api/meetings/attendance"));
    }

    @Test
    void meetingsAreBehindTheViewerGate() {
        for (String path : List.of("/api/meetings", "/api/meetings/attendance")) {
            given().get(path).then().statusCode(401).body("error", equalTo("unauthorized"));
            given().auth().oauth2("wrong-key").get(path).then().statusCode(401);
        }
    }

    private static Map<String, Object> meeting(String space, String conference, Instant startedAt, Instant endedAt,
            Integer durationMinutes, Map<?, ?>... participants) {
        return map("space", space, "conference", conference, "started_at", text(startedAt), "ended_at", text(endedAt),
                "duration_minutes", durationMinutes, "participants", List.of(participants));
    }

    private static Map<String, Object> participant(String participant, String name, String user, Instant joinedAt,
            Instant leftAt, int minutes) {
        return map("participant", participant, "name", name, "user", user, "joined_at", text(joinedAt), "left_at",
                text(leftAt), "minutes", minutes);
    }

    private static Map<String, Object> week(String week, String person, String name, int minutes, int meetings) {
        return map("week", week, "person", person, "name", name, "minutes", minutes, "meetings", meetings);
    }

    /** A map that may hold nulls, which the API writes for what is not known. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** {@code 2026-W47}, from the ISO week date {@code 2026-W47-5}. */
    private static String isoWeek(Instant instant) {
        return DateTimeFormatter.ISO_WEEK_DATE.format(instant.atOffset(ZoneOffset.UTC)).substring(0, 8);
    }

    private static Instant after(Instant start, int minutes, int seconds) {
        return start.plus(Duration.ofMinutes(minutes).plusSeconds(seconds));
    }
}
