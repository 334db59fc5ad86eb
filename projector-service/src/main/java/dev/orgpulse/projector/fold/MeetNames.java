package dev.orgpulse.projector.fold;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.orgpulse.eventlog.MalformedRecordException;

/**
 * The Meet REST API's resource names, which are the natural keys of the meeting read models: a conference record
 * ({@code conferenceRecords/<c>}: one meeting held in a space), a participant of it
 * ({@code conferenceRecords/<c>/participants/<p>}) and one of that participant's sessions
 * ({@code conferenceRecords/<c>/participants/<p>/participantSessions/<s>}: from joining to leaving).
 */
final class MeetNames {

    private static final String SEGMENT = "[^/]+";
    private static final Pattern CONFERENCE = Pattern.compile("conferenceRecords/" + SEGMENT);
    private static final Pattern PARTICIPANT = Pattern.compile("(" + CONFERENCE + ")/participants/" + SEGMENT);
    private static final Pattern SESSION = Pattern.compile("((" + CONFERENCE + ")/participants/" + SEGMENT + ")"
            + "/participantSessions/" + SEGMENT);
    private static final String SPACE_PREFIX = "spaces/";

    private MeetNames() {
    }

    /** A participant session's name, with the participant and conference it belongs to. */
    record Session(String name, String participant, String conference) {
    }

    static String conference(String name) {
        if (!CONFERENCE.matcher(name).matches()) {
            throw new MalformedRecordException("not a conference record name: " + name);
        }
        return name;
    }

    /** @return the conference the participant took part in */
    static String conferenceOfParticipant(String participant) {
        Matcher matcher = PARTICIPANT.matcher(participant);
        if (!matcher.matches()) {
            throw new MalformedRecordException("not a participant name: " + participant);
        }
        return matcher.group(1);
    }

    static Session session(String name) {
        Matcher matcher = SESSION.matcher(name);
        if (!matcher.matches()) {
            throw new MalformedRecordException("not a participant session name: " + name);
        }
        return new Session(name, matcher.group(1), matcher.group(2));
    }

    /**
     * @param source an event's source resource
     * @return the meeting space it names ({@code spaces/<id>}), or {@code null} for a subscription watching something
     *         else (a user, say), which does not tell the space
     */
    static String space(String source) {
        return source.startsWith(SPACE_PREFIX) ? source : null;
    }
}
