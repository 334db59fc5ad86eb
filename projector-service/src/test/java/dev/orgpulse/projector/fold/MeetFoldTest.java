package dev.orgpulse.projector.fold;

import static dev.orgpulse.projector.support.MeetRecords.ENDED;
import static dev.orgpulse.projector.support.MeetRecords.EXPIRATION_REMINDER;
import static dev.orgpulse.projector.support.MeetRecords.FIXTURE_CONFERENCE_ID;
import static dev.orgpulse.projector.support.MeetRecords.JOINED;
import static dev.orgpulse.projector.support.MeetRecords.LEFT;
import static dev.orgpulse.projector.support.MeetRecords.SPACE;
import static dev.orgpulse.projector.support.MeetRecords.STARTED;
import static dev.orgpulse.projector.support.MeetRecords.SUBSCRIPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.projector.support.MeetRecords;
import dev.orgpulse.projector.support.MeetRecords.LogEntry;
import dev.orgpulse.projector.support.Payloads;

/** The Workspace events and the Meet API's answers, decoded from the log's bytes and folded to facts in memory. */
class MeetFoldTest {

    private static final String CONFERENCE = MeetRecords.conference(FIXTURE_CONFERENCE_ID);
    private static final String PARTICIPANT = MeetRecords.participant(FIXTURE_CONFERENCE_ID);
    private static final String SESSION = MeetRecords.session(FIXTURE_CONFERENCE_ID);
    private static final Instant STARTED_AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant JOINED_AT = Instant.parse("2026-11-20T10:01:10Z");
    private static final Instant LEFT_AT = Instant.parse("2026-11-20T10:41:55Z");
    private static final Instant ENDED_AT = Instant.parse("2026-11-20T10:45:02Z");
    private static final String REMINDER_TYPE = "google.workspace.events.subscription.v1.expirationReminder";
    private static final String EXPIRED_TYPE = "google.workspace.events.subscription.v1.expired";

    /** The meeting's rows once every event of it is folded. */
    private static final Stored MEETING_FOLDED = new Stored(
            Map.of(CONFERENCE, new MeetingRow(CONFERENCE, SPACE, STARTED_AT, ENDED_AT, STARTED_AT)),
            Map.of(SESSION, new ParticipantSessionRow(SESSION, PARTICIPANT, CONFERENCE, JOINED_AT, LEFT_AT)),
            Map.of(PARTICIPANT, new MeetParticipantRow(PARTICIPANT, CONFERENCE, "signed_in", "Ada Lovelace",
                    "users/118234567890123456789", JOINED_AT, LEFT_AT)),
            Map.of());

    private final RecordFolder folder = new RecordFolder();

    @Test
    void aConferenceStartedIsTheMeetingsStartInItsSpace() {
        LogEntry started = MeetRecords.push(STARTED);

        assertEquals(ReadModelChanges.of(started.delivery())
                .meeting(new MeetingRow(CONFERENCE, SPACE, STARTED_AT, null, STARTED_AT)).build(), changes(started));
    }

    @Test
    void aConferenceEndedIsTheMeetingsEnd() {
        LogEntry ended = MeetRecords.push(ENDED);

        assertEquals(ReadModelChanges.of(ended.delivery())
                .meeting(new MeetingRow(CONFERENCE, SPACE, null, ENDED_AT, ENDED_AT)).build(), changes(ended));
    }

    @Test
    void aParticipantJoinedOpensTheSessionAndMakesTheMeetingKnown() {
        LogEntry joined = MeetRecords.push(JOINED);

        assertEquals(ReadModelChanges.of(joined.delivery())
                .meeting(new MeetingRow(CONFERENCE, SPACE, null, null, JOINED_AT))
                .participantSession(new ParticipantSessionRow(SESSION, PARTICIPANT, CONFERENCE, JOINED_AT, null))
                .build(), changes(joined));
    }

    @Test
    void aParticipantLeftClosesTheSession() {
        LogEntry left = MeetRecords.push(LEFT);

        assertEquals(ReadModelChanges.of(left.delivery())
                .meeting(new MeetingRow(CONFERENCE, SPACE, null, null, LEFT_AT))
                .participantSession(new ParticipantSessionRow(SESSION, PARTICIPANT, CONFERENCE, null, LEFT_AT))
                .build(), changes(left));
    }

    @Test
    void theMeetApiAnswerIsTheParticipantsIdentity() {
        LogEntry answer = MeetRecords.participantAnswer(FIXTURE_CONFERENCE_ID);

        assertEquals(ReadModelChanges.of(answer.delivery())
                .meetParticipant(MEETING_FOLDED.participants().get(PARTICIPANT)).build(), changes(answer));
    }

    @Test
    void anAnonymousParticipantHasANameButNoGoogleUser() {
        LogEntry answer = meetApi("""
                {"name": "%s", "earliestStartTime": "2026-11-20T10:02:00Z",
                 "anonymousUser": {"displayName": "Guest 42"}}""".formatted(PARTICIPANT));

        assertEquals(List.of(new MeetParticipantRow(PARTICIPANT, CONFERENCE, "anonymous", "Guest 42", null,
                Instant.parse("2026-11-20T10:02:00Z"), null)), changes(answer).meetParticipants());
    }

    @Test
    void aLaterAnswerAboutAParticipantReplacesAnEarlierOne() {
        MeetParticipantRow whileIn = new MeetParticipantRow(PARTICIPANT, CONFERENCE, "signed_in", "Ada", "users/1",
                JOINED_AT, null);
        MeetParticipantRow afterLeaving = new MeetParticipantRow(PARTICIPANT, CONFERENCE, "signed_in", "Ada Lovelace",
                "users/1", JOINED_AT, LEFT_AT);

        assertTrue(afterLeaving.revision().compareTo(whileIn.revision()) > 0);
    }

    @Test
    void theExpirationReminderIsTheSubscriptionsLatestNewsWithItsExpireTime() {
        LogEntry reminder = MeetRecords.push(EXPIRATION_REMINDER);

        SubscriptionEventRow event = new SubscriptionEventRow(SUBSCRIPTION, REMINDER_TYPE,
                Instant.parse("2026-11-20T22:00:00Z"), Instant.parse("2026-11-21T10:00:00Z"), null, null);
        assertEquals(ReadModelChanges.of(reminder.delivery()).subscriptionEvent(event).build(), changes(reminder));
        assertTrue(event.advice().contains("renew"), event.advice());
    }

    @Test
    void aLaterLifecycleEventWinsAndAtTheSameTimeTheGraverOne() {
        Instant at = Instant.parse("2026-11-21T10:00:00Z");
        SubscriptionEventRow reminder = new SubscriptionEventRow(SUBSCRIPTION, REMINDER_TYPE, at.minusSeconds(3600),
                at, null, null);
        SubscriptionEventRow expired = new SubscriptionEventRow(SUBSCRIPTION, EXPIRED_TYPE, at, at, null, null);
        SubscriptionEventRow lateReminder = new SubscriptionEventRow(SUBSCRIPTION, REMINDER_TYPE, at, at, null, null);

        assertTrue(expired.revision().compareTo(reminder.revision()) > 0);
        assertTrue(expired.revision().compareTo(lateReminder.revision()) > 0);
    }

    @Test
    void aSuspensionTellsItsReason() {
        LogEntry suspended = workspaceEvent("google.workspace.events.subscription.v1.suspended",
                "//workspaceevents.googleapis.com/" + SUBSCRIPTION,
                "{\"subscription\": {\"name\": \"" + SUBSCRIPTION + "\", \"state\": \"SUSPENDED\","
                        + " \"suspensionReason\": \"ENDPOINT_PERMISSION_DENIED\"}}");

        SubscriptionEventRow event = changes(suspended).subscriptionEvents().get(0);

        assertEquals(List.of("SUSPENDED", "ENDPOINT_PERMISSION_DENIED"), List.of(event.state(), event.suspensionReason()));
        assertTrue(event.advice().contains("ENDPOINT_PERMISSION_DENIED"), event.advice());
    }

    @Test
    void theMeetingFoldedInOrderIsEveryRowOnce() {
        assertEquals(MEETING_FOLDED, foldAll(inOrder()));
    }

    @Test
    void aLeftBeforeItsJoinedAndAnEndedBeforeItsStartedGiveTheRowsOfTheOrderTheyHappenedIn() {
        List<LogEntry> reversed = new ArrayList<>(inOrder());
        Collections.reverse(reversed);

        assertEquals(MEETING_FOLDED, foldAll(reversed));
    }

    @Test
    void everyOrderOfTheMeetingsRecordsGivesTheSameRows() {
        for (List<LogEntry> order : permutations(inOrder())) {
            assertEquals(MEETING_FOLDED, foldAll(order), () -> "in the order " + order.stream()
                    .map(entry -> entry.delivery().deliveryId()).toList());
        }
    }

    @Test
    void theSameEventsPushedAgainUnderOtherMessageIdsChangeNothing() {
        List<LogEntry> twice = new ArrayList<>(inOrder());
        for (String fixture : MeetRecords.MEETING) {
            twice.add(MeetRecords.push(fixture, FIXTURE_CONFERENCE_ID, "again-" + fixture));
        }
        Collections.reverse(twice);

        assertEquals(MEETING_FOLDED, foldAll(twice));
    }

    @Test
    void anUnreadableEnvelopeOrEventIsADeadLetter() {
        String notBase64 = "{\"message\": {\"messageId\": \"1\", \"data\": \"%%%\", \"attributes\": {\"ce-type\": \""
                + ParticipantSessionFold.JOINED + "\", \"ce-source\": \"//meet.googleapis.com/" + SPACE
                + "\", \"ce-time\": \"2026-11-20T10:01:10Z\"}}}";
        LogEntry badSession = workspaceEvent(ParticipantSessionFold.JOINED, "//meet.googleapis.com/" + SPACE,
                "{\"participantSession\": {\"name\": \"conferenceRecords/c/participantSessions/s\"}}");

        assertTrue(deadLetter(new LogEntry("meet:" + SPACE, delivery(Sources.PUBSUB, ParticipantSessionFold.JOINED),
                notBase64.getBytes(StandardCharsets.UTF_8))).contains("base64"));
        assertTrue(deadLetter(badSession).contains("not a participant session name"));
        assertTrue(deadLetter(meetApi("{\"signedinUser\": {\"displayName\": \"Ada\"}}")).contains("/name"));
    }

    @Test
    void workspaceEventsAndApiAnswersWithoutAFoldAreIgnoredWithoutReadingTheBody() {
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);

        for (DeliveryMetadata delivery : List.of(
                delivery(Sources.PUBSUB, "google.workspace.meet.recording.v2.fileGenerated"),
                delivery(Sources.PUBSUB, "google.workspace.events.subscription.v1.somethingNew"),
                delivery(Sources.MEET_API, "google.workspace.meet.recording.v2.resolved"))) {
            assertInstanceOf(RecordOutcome.Ignored.class, fold(new LogEntry("meet:" + SPACE, delivery, notJson)));
        }
    }

    @Test
    void anEventWithoutCeTimeIsDatedByItsPublishTime() {
        String envelope = "{\"message\": {\"messageId\": \"7\", \"publishTime\": \"2026-11-20T10:00:01.412Z\","
                + " \"data\": \"eyJjb25mZXJlbmNlUmVjb3JkIjogeyJuYW1lIjogImNvbmZlcmVuY2VSZWNvcmRzL2MifX0=\","
                + " \"attributes\": {\"ce-type\": \"" + ConferenceFold.STARTED + "\", \"ce-source\":"
                + " \"//meet.googleapis.com/" + SPACE + "\"}}}";

        ReadModelChanges changes = changes(new LogEntry("meet:" + SPACE, delivery(Sources.PUBSUB,
                ConferenceFold.STARTED), envelope.getBytes(StandardCharsets.UTF_8)));

        Instant published = Instant.parse("2026-11-20T10:00:01.412Z");
        assertEquals(List.of(new MeetingRow("conferenceRecords/c", SPACE, published, null, published)),
                changes.meetings());
    }

    /** The read models' Meet tables, as the transaction leaves them after folding records one after another. */
    private record Stored(Map<String, MeetingRow> meetings, Map<String, ParticipantSessionRow> sessions,
            Map<String, MeetParticipantRow> participants, Map<String, SubscriptionEventRow> subscriptions) {
    }

    /** Merges what each record tells as the tables do: merge tables merge, snapshot tables keep the greater revision. */
    private Stored foldAll(List<LogEntry> entries) {
        Map<String, MeetingRow> meetings = new TreeMap<>();
        Map<String, ParticipantSessionRow> sessions = new TreeMap<>();
        Map<String, MeetParticipantRow> participants = new TreeMap<>();
        Map<String, SubscriptionEventRow> subscriptions = new TreeMap<>();
        for (LogEntry entry : entries) {
            ReadModelChanges changes = changes(entry);
            changes.meetings().forEach(row -> meetings.merge(row.conference(), row, MeetingRow::mergedWith));
            changes.participantSessions().forEach(row -> sessions.merge(row.session(), row,
                    ParticipantSessionRow::mergedWith));
            changes.meetParticipants().forEach(row -> participants.merge(row.participant(), row,
                    (stored, next) -> next.revision().compareTo(stored.revision()) > 0 ? next : stored));
            changes.subscriptionEvents().forEach(row -> subscriptions.merge(row.subscription(), row,
                    (stored, next) -> next.revision().compareTo(stored.revision()) > 0 ? next : stored));
        }
        return new Stored(meetings, sessions, participants, subscriptions);
    }

    /** The meeting's four events as they happened, then the Meet API's answer about its participant. */
    private static List<LogEntry> inOrder() {
        List<LogEntry> entries = new ArrayList<>(MeetRecords.MEETING.stream().map(MeetRecords::push).toList());
        entries.add(MeetRecords.participantAnswer(FIXTURE_CONFERENCE_ID));
        return entries;
    }

    private static List<List<LogEntry>> permutations(List<LogEntry> entries) {
        if (entries.isEmpty()) {
            return List.of(List.of());
        }
        List<List<LogEntry>> permutations = new ArrayList<>();
        for (LogEntry first : entries) {
            List<LogEntry> rest = new ArrayList<>(entries);
            rest.remove(first);
            for (List<LogEntry> tail : permutations(rest)) {
                List<LogEntry> permutation = new ArrayList<>();
                permutation.add(first);
                permutation.addAll(tail);
                permutations.add(permutation);
            }
        }
        return permutations;
    }

    private RecordOutcome fold(LogEntry entry) {
        return folder.fold(new LogRecord(Topics.EVENTS, 0, 0, entry.delivery().toHeaders(), entry.value()));
    }

    private ReadModelChanges changes(LogEntry entry) {
        return assertInstanceOf(RecordOutcome.Folded.class, fold(entry)).changes();
    }

    private String deadLetter(LogEntry entry) {
        return assertInstanceOf(RecordOutcome.DeadLetter.class, fold(entry)).reason();
    }

    private static LogEntry workspaceEvent(String type, String source, String data) {
        String envelope = "{\"message\": {\"messageId\": \"m-1\", \"data\": \""
                + Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8))
                + "\", \"attributes\": {\"ce-type\": \"" + type + "\", \"ce-source\": \"" + source
                + "\", \"ce-time\": \"2026-11-21T09:00:00Z\"}}}";
        return new LogEntry("meet:" + source, delivery(Sources.PUBSUB, type), envelope.getBytes(StandardCharsets.UTF_8));
    }

    private static LogEntry meetApi(String answer) {
        return new LogEntry("meet:" + SPACE, delivery(Sources.MEET_API, ParticipantIdentityFold.RESOLVED),
                answer.getBytes(StandardCharsets.UTF_8));
    }

    private static DeliveryMetadata delivery(String source, String type) {
        return DeliveryMetadata.accepted(source, type, "d-1", Payloads.RECEIVED_AT, "application/json", "test");
    }
}
