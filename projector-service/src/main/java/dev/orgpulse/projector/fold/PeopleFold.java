package dev.orgpulse.projector.fold;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * {@code member} (repository collaborators), {@code membership} (teams) and {@code organization} events: they
 * tell who is part of the organisation, with their logins and avatars, and change nothing else the read models
 * show. The people they name (the member, the invited login, the sender) are kept; the repository's picture when
 * the event carries one.
 */
final class PeopleFold implements GitHubEventFold {

    /** Where the person the event is about sits in each of these payloads. */
    private static final List<String> SUBJECTS = List.of("/member", "/membership/user", "/invitation");

    @Override
    public RecordOutcome fold(DeliveryMetadata delivery, JsonNode payload) {
        ReadModelChanges.Builder changes = ReadModelChanges.of(delivery);
        GitHubRepository.at(payload).ifPresent(repository -> changes.repository(repository.snapshot()));
        SUBJECTS.forEach(subject -> changes.person(GitHubUser.at(payload.at(subject))));
        changes.person(GitHubUser.at(payload.path("sender")));
        ReadModelChanges folded = changes.build();
        if (folded.people().isEmpty()) {
            return new RecordOutcome.Ignored(delivery, delivery.eventType() + " names nobody");
        }
        return new RecordOutcome.Folded(delivery, folded);
    }
}
