package dev.orgpulse.projector.fold;

import static dev.orgpulse.projector.support.Payloads.delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.projector.support.Payloads;

class PeopleFoldTest {

    private static final Instant NINE = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant ELEVEN = Instant.parse("2026-11-30T11:00:00Z");

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
    void joiningTheOrganisationATeamOrARepositoryMakesAMemberAndOnlyLeavingTheOrganisationEndsIt() {
        ObjectNode removed = Payloads.fixture("organization", "member_added.payload.json").put("action", "member_removed");

        assertEquals(List.of(OrgMemberRow.joined("hacktocat", NINE)), members(changesAt("organization",
                Payloads.fixture("organization", "member_added.payload.json"), NINE)));
        assertEquals(List.of(OrgMemberRow.removed("hacktocat", TEN)), members(changesAt("organization", removed, TEN)));
        assertEquals(List.of(OrgMemberRow.joined("Codertocat", NINE)), members(changesAt("membership",
                Payloads.fixture("membership", "added.payload.json"), NINE)));
        assertEquals(List.of(OrgMemberRow.joined("hacktocat", NINE)), members(changesAt("member",
                Payloads.fixture("member", "added.payload.json"), NINE)));
        assertEquals(List.of(), members(changesAt("membership", Payloads.fixture("membership", "removed.payload.json"),
                NINE)), "off a team, still a member");
        assertEquals(List.of(), members(changesAt("organization",
                Payloads.fixture("organization", "member_invited.payload.json"), NINE)), "invited is not joined yet");
    }

    @Test
    void joinsAndRemovalsMergeToTheSameRowInEitherOrder() {
        OrgMemberRow joined = OrgMemberRow.joined("ada", NINE);
        OrgMemberRow removed = OrgMemberRow.removed("ada", TEN);
        OrgMemberRow rejoined = OrgMemberRow.joined("ada", ELEVEN);
        OrgMemberRow expected = new OrgMemberRow("ada", NINE, ELEVEN, TEN);

        assertEquals(expected, joined.mergedWith(removed).mergedWith(rejoined));
        assertEquals(expected, rejoined.mergedWith(removed).mergedWith(joined));
        assertEquals(expected, removed.mergedWith(rejoined.mergedWith(joined)));
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

    private static List<OrgMemberRow> members(ReadModelChanges changes) {
        return changes.rows(OrgMemberRow.class);
    }

    private ReadModelChanges changesAt(String eventType, ObjectNode payload, Instant receivedAt) {
        DeliveryMetadata delivery = DeliveryMetadata.accepted(Sources.GITHUB, eventType, "d-" + receivedAt, receivedAt,
                "application/json", "test");
        return assertInstanceOf(RecordOutcome.Folded.class, fold.fold(delivery, payload)).changes();
    }

    private ReadModelChanges changes(String eventType, ObjectNode payload) {
        return assertInstanceOf(RecordOutcome.Folded.class, fold.fold(delivery(eventType, "d-1"), payload)).changes();
    }
}
