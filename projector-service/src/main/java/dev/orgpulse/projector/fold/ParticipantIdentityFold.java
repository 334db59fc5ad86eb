package dev.orgpulse.projector.fold;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * The Meet REST API's answer about a participant ({@code name}, {@code earliestStartTime}, {@code latestEndTime},
 * and one of {@code signedinUser {user, displayName}}, {@code anonymousUser {displayName}},
 * {@code phoneUser {displayName}}), appended to the log by the enricher: who the participant is.
 */
final class ParticipantIdentityFold {

    static final String RESOLVED = "google.workspace.meet.participant.v2.resolved";
    private static final String UNKNOWN_KIND = "unknown";

    /** The user objects an answer may carry, by the kind of participant each one makes. */
    private enum UserKind {
        SIGNED_IN("signedinUser"), ANONYMOUS("anonymousUser"), PHONE("phoneUser");

        private final String field;

        UserKind(String field) {
            this.field = field;
        }

        String columnValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    RecordOutcome fold(DeliveryMetadata delivery, JsonNode answer) {
        String participant = PayloadFields.requiredText(answer, "/name");
        String conference = MeetNames.conferenceOfParticipant(participant);
        String kind = UNKNOWN_KIND;
        JsonNode user = MissingNode.getInstance();
        for (UserKind candidate : UserKind.values()) {
            if (answer.path(candidate.field).isObject()) {
                kind = candidate.columnValue();
                user = answer.path(candidate.field);
                break;
            }
        }
        return ReadModelChanges.of(delivery).meetParticipant(new MeetParticipantRow(participant, conference, kind,
                PayloadFields.text(user, "displayName"), PayloadFields.text(user, "user"),
                PayloadFields.instant(answer, "/earliestStartTime"), PayloadFields.instant(answer, "/latestEndTime")))
                .folded();
    }
}
