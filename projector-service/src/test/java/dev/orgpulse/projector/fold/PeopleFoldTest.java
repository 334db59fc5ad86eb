package dev.orgpulse.projector.fold;

import static dev.orgpulse.projector.support.Payloads.delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.projector.support.Payloads;

class PeopleFoldTest {

    private final PeopleFold fold = new PeopleFold();

    @Test
    void aCollaboratorAddedIsKeptWithTheirAvatarAndTheRepositoryPictured() {
        ReadModelChanges changes = changes("member", Payloads.fixture("member", "added.payload.json"));

        PersonRow member = changes.people().get(0);
        assertEquals("hacktocat", member.login());
        assertEquals("https://avatars2.githubusercontent.com/u/39652351?v=4", member.avatarUrl());
        assertEquals(186853002L, changes.repositories().get(0).id());
        assertEquals(List.of(), changes.feed());
    }

    @Test
    void organisationEventsNameTheMemberOrTheInvitedLoginAndTheSender() {
        assertEquals(List.of("hacktocat", "Codertocat"), logins(changes("organization",
                Payloads.fixture("organization", "member_added.payload.json"))));
        assertEquals(List.of("hacktocat", "Codertocat"), logins(changes("organization",
                Payloads.fixture("organization", "member_invited.payload.json"))));
        assertEquals(List.of("Codertocat"), logins(changes("membership",
                Payloads.fixture("membership", "added.payload.json"))));
    }

    @Test
    void anEventNamingNobodyIsIgnored() {
        ObjectNode payload = Payloads.fixture("organization", "renamed.payload.json");
        payload.remove("sender");

        assertInstanceOf(RecordOutcome.Ignored.class, fold.fold(delivery("organization", "d-1"), payload));
    }

    private static List<String> logins(ReadModelChanges changes) {
        return changes.people().stream().map(PersonRow::login).toList();
    }

    private ReadModelChanges changes(String eventType, ObjectNode payload) {
        return assertInstanceOf(RecordOutcome.Folded.class, fold.fold(delivery(eventType, "d-1"), payload)).changes();
    }
}
