package dev.orgpulse.query.readmodel;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.orgpulse.query.api.AttendanceWeek;
import dev.orgpulse.query.api.Meeting;
import dev.orgpulse.query.api.MeetingParticipant;

/** Shapes the rows of the meeting queries into the API's meetings and weekly attendance. Pure. */
final class MeetingShapes {

    private static final Comparator<MeetingParticipant> FIRST_TO_JOIN_FIRST = Comparator
            .comparing(MeetingParticipant::joinedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(MeetingParticipant::participant);
    private static final Comparator<AttendanceWeek> NEWEST_WEEK_MOST_MINUTES_FIRST = Comparator
            .comparing(AttendanceWeek::week).reversed()
            .thenComparing(Comparator.comparingLong(AttendanceWeek::minutes).reversed())
            .thenComparing(AttendanceWeek::person);

    private MeetingShapes() {
    }

    /** @param rows the meetings' rows, newest meeting first */
    static List<Meeting> meetings(List<MeetingSessionRow> rows) {
        List<Meeting> meetings = new ArrayList<>();
        MeetingSessionRow.byMeeting(rows).forEach((meeting, sessions) -> meetings.add(new Meeting(meeting.space(),
                meeting.conference(), meeting.startedAt(), meeting.endedAt(), meeting.durationMinutes(),
                grouped(sessions, SessionRecord::participant).values().stream()
                        .map(own -> participant(meeting, own)).sorted(FIRST_TO_JOIN_FIRST).toList())));
        return List.copyOf(meetings);
    }

    /**
     * Each person's time in meetings per ISO week of the meetings' start, overlapping sessions of one person in one
     * meeting counted once; newest week first, then most minutes first.
     *
     * @param rows the sessions of the meetings to count, oldest meeting first
     */
    static List<AttendanceWeek> attendance(List<MeetingSessionRow> rows) {
        Map<List<String>, WeekTally> tallies = new LinkedHashMap<>();
        MeetingSessionRow.byMeeting(rows).forEach((meeting, sessions) -> {
            String week = isoWeek(meeting.start());
            grouped(sessions, SessionRecord::person).forEach((person, own) -> tallies
                    .computeIfAbsent(List.of(week, person), key -> new WeekTally(week, person))
                    .add(AttendedTime.of(meeting, own), own));
        });
        return tallies.values().stream().map(WeekTally::toWeek).sorted(NEWEST_WEEK_MOST_MINUTES_FIRST).toList();
    }

    /** The first instant of the last {@code weeks} ISO weeks (UTC), this one included. */
    static OffsetDateTime firstDayOfWeeks(Instant now, int weeks) {
        LocalDate monday = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1L);
        return monday.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The ISO 8601 week (UTC) an instant falls in, e.g. {@code 2026-W47}. */
    static String isoWeek(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static MeetingParticipant participant(MeetingRecord meeting, List<SessionRecord> sessions) {
        SessionRecord any = sessions.get(0);
        boolean allLeft = sessions.stream().allMatch(session -> session.leftAt() != null);
        return new MeetingParticipant(any.participant(), any.name(), any.googleUser(),
                sessions.stream().map(SessionRecord::joinedAt).filter(Objects::nonNull).min(Comparator.naturalOrder())
                        .orElse(null),
                allLeft ? sessions.stream().map(SessionRecord::leftAt).max(Comparator.naturalOrder()).orElseThrow()
                        : null,
                AttendedTime.minutes(AttendedTime.of(meeting, sessions)));
    }

    private static Map<String, List<SessionRecord>> grouped(List<SessionRecord> sessions,
            Function<SessionRecord, String> by) {
        return sessions.stream().collect(Collectors.groupingBy(by, LinkedHashMap::new, Collectors.toList()));
    }

    /** One person's meetings of one week, added up meeting by meeting (oldest first). */
    private static final class WeekTally {
        private final String week;
        private final String person;
        private String name;
        private Duration time = Duration.ZERO;
        private int meetings;

        WeekTally(String week, String person) {
            this.week = week;
            this.person = person;
            this.name = person;
        }

        void add(Duration attended, List<SessionRecord> sessions) {
            time = time.plus(attended);
            meetings++;
            // the name Meet showed in their latest meeting of the week
            sessions.stream().map(SessionRecord::displayName).filter(Objects::nonNull).findFirst()
                    .ifPresent(shown -> name = shown);
        }

        AttendanceWeek toWeek() {
            return new AttendanceWeek(week, person, name, AttendedTime.minutes(time), meetings);
        }
    }
}
