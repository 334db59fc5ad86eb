package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.DeliveryMetadata;

/**
 * {@code member} (repository collaborators), {@code membership} (teams) and {@code organization} events: they
 * tell who is part of the organisation, with their logins and avatars. The people they name (the member, the invited
 * login, the sender) are kept; the repository's picture when the event carries one. Who joined and who was removed
 * make the organisation's members ({@link OrgMemberRow}): a member added to the organisation, to a team or as a
 * collaborator of a repository joined; one removed from the organisation left it (removed from a team or a repository
 * only, they are still a member).
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
        membership(delivery, payload).ifPresent(changes::row);
        ReadModelChanges folded = changes.build();
        if (folded.people().isEmpty()) {
            return new RecordOutcome.Ignored(delivery, delivery.eventType() + " names nobody");
        }
        return new RecordOutcome.Folded(delivery, folded);
    }

    /** The membership change the event tells, if any. */
    private static Optional<OrgMemberRow> membership(DeliveryMetadata delivery, JsonNode payload) {
        String subject = delivery.eventType().equals("organization") ? "/membership/user" : "/member";
        Optional<String> login = GitHubUser.at(payload.at(subject)).map(GitHubUser::login);
        Instant at = delivery.receivedAt();
        return switch (delivery.eventType() + "." + payload.path("action").asText()) {
            case "organization.member_added", "membership.added", "member.added" ->
                login.map(member -> OrgMemberRow.joined(member, at));
            case "organization.member_removed" -> login.map(member -> OrgMemberRow.removed(member, at));
            default -> Optional.empty();
        };
    }
}
