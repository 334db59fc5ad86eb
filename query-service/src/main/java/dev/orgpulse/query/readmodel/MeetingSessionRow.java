package dev.orgpulse.query.readmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the meeting queries: a meeting and one of its sessions.
 *
 * @param session {@code null} for a meeting no session is known of
 */
record MeetingSessionRow(MeetingRecord meeting, SessionRecord session) {

    /** The rows' meetings in the rows' order, each with its sessions in the rows' order. */
    static Map<MeetingRecord, List<SessionRecord>> byMeeting(List<MeetingSessionRow> rows) {
        Map<MeetingRecord, List<SessionRecord>> meetings = new LinkedHashMap<>();
        for (MeetingSessionRow row : rows) {
            List<SessionRecord> sessions = meetings.computeIfAbsent(row.meeting(), meeting -> new ArrayList<>());
            if (row.session() != null) {
                sessions.add(row.session());
            }
        }
        return meetings;
    }
}
