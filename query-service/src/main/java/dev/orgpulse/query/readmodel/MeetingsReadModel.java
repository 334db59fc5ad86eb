package dev.orgpulse.query.readmodel;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orgpulse.query.api.AttendanceWeek;
import dev.orgpulse.query.api.Meeting;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Meet meetings with their participants, and time in meetings per person and week; cached until a change notice names
 * the meetings.
 */
@ApplicationScoped
public class MeetingsReadModel {

    /** A meeting's sessions with who their participants are. */
    private static final String COLUMNS = """
            m.conference, m.space, m.started_at, m.ended_at, m.first_seen_at, s.participant, s.joined_at, s.left_at,
            p.display_name, p.google_user""";

    private static final String RECENT = """
            WITH m AS (
                SELECT conference, space, started_at, ended_at, first_seen_at,
                       coalesce(started_at, first_seen_at) AS starts
                FROM meet_conference ORDER BY starts DESC, conference DESC LIMIT $1)
            SELECT %s
            FROM m
            LEFT JOIN meet_participant_session s ON s.conference = m.conference
            LEFT JOIN meet_participant p ON p.participant = s.participant
            ORDER BY m.starts DESC, m.conference DESC, s.participant, s.session""".formatted(COLUMNS);

    private static final String SESSIONS_SINCE = """
            SELECT %s
            FROM meet_conference m
            JOIN meet_participant_session s ON s.conference = m.conference
            LEFT JOIN meet_participant p ON p.participant = s.participant
            WHERE coalesce(m.started_at, m.first_seen_at) >= $1
            ORDER BY coalesce(m.started_at, m.first_seen_at), m.conference, s.participant, s.session"""
            .formatted(COLUMNS);

    private final Pool pool;
    private final Clock clock;

    public MeetingsReadModel(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The {@code limit} most recent meetings, newest first. */
    @CacheResult(cacheName = ReadModelCaches.MEETINGS)
    public Uni<List<Meeting>> recent(int limit) {
        return pool.preparedQuery(RECENT).execute(Tuple.of(limit))
                .map(rows -> MeetingShapes.meetings(Rows.map(rows, MeetingsReadModel::row)));
    }

    /** Time in meetings per person in the last {@code weeks} ISO weeks (this one included), newest week first. */
    @CacheResult(cacheName = ReadModelCaches.ATTENDANCE)
    public Uni<List<AttendanceWeek>> attendance(int weeks) {
        return attendanceSince(MeetingShapes.firstDayOfWeeks(clock.instant(), weeks));
    }

    /** Time in meetings per person and ISO week, of the meetings started since {@code since}; not cached. */
    public Uni<List<AttendanceWeek>> attendanceSince(OffsetDateTime since) {
        return pool.preparedQuery(SESSIONS_SINCE).execute(Tuple.of(since))
                .map(rows -> MeetingShapes.attendance(Rows.map(rows, MeetingsReadModel::row)));
    }

    private static MeetingSessionRow row(Row row) {
        MeetingRecord meeting = new MeetingRecord(row.getString("conference"), row.getString("space"),
                Rows.instant(row.getOffsetDateTime("started_at")), Rows.instant(row.getOffsetDateTime("ended_at")),
                Rows.instant(row.getOffsetDateTime("first_seen_at")));
        String participant = row.getString("participant");
        return new MeetingSessionRow(meeting, participant == null ? null : new SessionRecord(participant,
                Rows.instant(row.getOffsetDateTime("joined_at")), Rows.instant(row.getOffsetDateTime("left_at")),
                row.getString("display_name"), row.getString("google_user")));
    }
}
