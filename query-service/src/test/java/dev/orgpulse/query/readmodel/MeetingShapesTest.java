package dev.orgpulse.query.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orgpulse.query.api.AttendanceWeek;
import dev.orgpulse.query.api.Meeting;
import dev.orgpulse.query.api.MeetingParticipant;

class MeetingShapesTest {

    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant END = Instant.parse("2026-11-20T10:45:02Z");
    private static final MeetingRecord ENDED = new MeetingRecord("conferenceRecords/c", "spaces/s", START, END, START);
    private static final MeetingRecord RUNNING = new MeetingRecord("conferenceRecords/r", "spaces/s", START, null,
            START);

    @Test
    void aSessionCountsFromItsJoinToItsLeaveToTheNearestMinute() {
        assertEquals(41, minutes(ENDED, session("p", at(1, 10), at(41, 55))));
        assertEquals(0, minutes(ENDED, session("p", at(1, 0), at(1, 29))));
        assertEquals(1, minutes(ENDED, session("p", at(1, 0), at(1, 30))));
    }

    @Test
    void overlappingSessionsOfOneParticipantCountOnce() {
        assertEquals(43, minutes(ENDED, session("p", at(1, 10), at(41, 55)), session("p", at(40, 0), at(44, 0)),
                session("p", at(2, 0), at(3, 0))));
        assertEquals(20, minutes(ENDED, session("p", at(0, 0), at(10, 0)), session("p", at(30, 0), at(40, 0))));
    }

    @Test
    void anOpenSessionCountsUpToTheMeetingsEndOnceItEndedAndNotAtAllWhileItRuns() {
        assertEquals(40, minutes(ENDED, session("p", at(5, 0), null)));
        assertEquals(0, minutes(RUNNING, session("p", at(5, 0), null)));
        assertEquals(5, minutes(RUNNING, session("p", at(5, 0), null), session("p", at(10, 0), at(15, 0))));
    }

    @Test
    void aSessionWhoseJoinIsUnknownCountsFromTheMeetingsStart() {
        assertEquals(30, minutes(ENDED, session("p", null, at(30, 0))));
        assertEquals(0, minutes(new MeetingRecord("conferenceRecords/c", "spaces/s", null, END, START),
                session("p", null, at(30, 0))));
    }

    @Test
    void aMeetingLastsFromStartToEndAndHasNoDurationWhileItRuns() {
        assertEquals(45L, ENDED.durationMinutes());
        assertEquals(null, RUNNING.durationMinutes());
    }

    @Test
    void aParticipantsSessionsMakeOneEntryThatHasLeftOnlyWhenEverySessionHas() {
        List<Meeting> meetings = MeetingShapes.meetings(List.of(
                row(ENDED, session("conferenceRecords/c/participants/2", at(5, 0), null)),
                row(ENDED, new SessionRecord("conferenceRecords/c/participants/1", at(1, 10), at(41, 55), "Ada",
                        "users/1")),
                row(ENDED, new SessionRecord("conferenceRecords/c/participants/1", at(40, 0), at(44, 0), "Ada",
                        "users/1")),
                row(RUNNING, null)));

        assertEquals(List.of(
                new Meeting("spaces/s", "conferenceRecords/c", START, END, 45L, List.of(
                        new MeetingParticipant("conferenceRecords/c/participants/1", "Ada", "users/1", at(1, 10),
                                at(44, 0), 43),
                        new MeetingParticipant("conferenceRecords/c/participants/2",
                                "conferenceRecords/c/participants/2", null, at(5, 0), null, 40))),
                new Meeting("spaces/s", "conferenceRecords/r", START, null, null, List.of())), meetings);
    }

    @Test
    void attendanceAddsUpEachPersonsMeetingsPerWeekNewestWeekAndMostMinutesFirst() {
        MeetingRecord lastWeek = new MeetingRecord("conferenceRecords/old", "spaces/s", START.minus(Duration.ofDays(7)),
                END.minus(Duration.ofDays(7)), START.minus(Duration.ofDays(7)));
        List<MeetingSessionRow> rows = new ArrayList<>();
        rows.add(row(lastWeek, new SessionRecord("conferenceRecords/old/participants/1", lastWeek.startedAt(),
                lastWeek.startedAt().plus(Duration.ofMinutes(30)), "Ada Lovelace", "users/1")));
        rows.add(row(ENDED, new SessionRecord("conferenceRecords/c/participants/1", at(0, 0), at(20, 0), "Ada Lovelace",
                "users/1")));
        rows.add(row(ENDED, session("conferenceRecords/c/participants/9", at(0, 0), at(25, 0))));
        rows.add(row(RUNNING, new SessionRecord("conferenceRecords/r/participants/4", at(0, 0), at(10, 0), "Ada L.",
                "users/1")));

        assertEquals(List.of(
                new AttendanceWeek("2026-W47", "users/1", "Ada L.", 30, 2),
                new AttendanceWeek("2026-W47", "conferenceRecords/c/participants/9",
                        "conferenceRecords/c/participants/9", 25, 1),
                new AttendanceWeek("2026-W46", "users/1", "Ada Lovelace", 30, 1)), MeetingShapes.attendance(rows));
    }

    @Test
    void weeksAreIsoWeeksInUtc() {
        assertEquals("2026-W47", MeetingShapes.isoWeek(START));
        assertEquals("2026-W48", MeetingShapes.isoWeek(Instant.parse("2026-11-23T00:00:00Z")));
        assertEquals("2026-W53", MeetingShapes.isoWeek(Instant.parse("2027-01-01T12:00:00Z")));
        assertEquals("2027-W01", MeetingShapes.isoWeek(Instant.parse("2027-01-04T00:00:00Z")));
    }

    @Test
    void theLastWeeksBeginOnAMondayInUtc() {
        assertEquals(OffsetDateTime.parse("2026-11-16T00:00:00Z"), MeetingShapes.firstDayOfWeeks(START, 1));
        assertEquals(OffsetDateTime.parse("2026-11-09T00:00:00Z"), MeetingShapes.firstDayOfWeeks(START, 2));
        assertEquals(OffsetDateTime.parse("2026-11-16T00:00:00Z"),
                MeetingShapes.firstDayOfWeeks(Instant.parse("2026-11-16T00:00:00Z"), 1));
    }

    private static long minutes(MeetingRecord meeting, SessionRecord... sessions) {
        return AttendedTime.minutes(AttendedTime.of(meeting, List.of(sessions)));
    }

    private static SessionRecord session(String participant, Instant joinedAt, Instant leftAt) {
        return new SessionRecord(participant, joinedAt, leftAt, null, null);
    }

    private static MeetingSessionRow row(MeetingRecord meeting, SessionRecord session) {
        return new MeetingSessionRow(meeting, session);
    }

    /** Minutes and seconds after the meetings' start. */
    private static Instant at(int minutes, int seconds) {
        return START.plus(Duration.ofMinutes(minutes).plusSeconds(seconds));
    }
}
