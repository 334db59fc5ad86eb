package dev.orgpulse.query.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class MemberTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Duration FOURTEEN_DAYS = Duration.ofDays(14);
    private static final Instant JOINED = Instant.parse("2026-01-10T09:00:00Z");
    private static final Instant REMOVED = Instant.parse("2026-06-01T09:00:00Z");
    private static final Instant REJOINED = Instant.parse("2026-07-01T09:00:00Z");
    private static final Instant FIRST_ACTIVE = Instant.parse("2025-03-03T03:00:00Z");

    @Test
    void aMemberIsActiveWithActivityWithinTheActiveDaysAndAMemberSinceTheyJoined() {
        assertEquals(List.of("active", "member", JOINED), shown(member(NOW.minus(Duration.ofDays(14)), JOINED, JOINED,
                null)));
        assertEquals(Arrays.asList("inactive", "member", JOINED), shown(member(null, JOINED, JOINED, null)));
        assertEquals(List.of("inactive", "member", JOINED), shown(member(NOW.minus(Duration.ofDays(15)), JOINED,
                JOINED, null)));
    }

    @Test
    void aRemovedMemberIsNoMemberUntilTheyRejoinAndThenAMemberSinceRejoining() {
        assertEquals(Arrays.asList("active", "removed", null), shown(member(NOW, JOINED, JOINED, REMOVED)));
        assertEquals(List.of("active", "member", REJOINED), shown(member(NOW, JOINED, REJOINED, REMOVED)));
    }

    @Test
    void someoneOnlySeenActingIsKnownSinceTheirFirstActivity() {
        assertEquals(List.of("active", "none", FIRST_ACTIVE), shown(member(NOW, null, null, null)));
    }

    private static Member member(Instant lastActive, Instant firstJoined, Instant lastJoined, Instant removed) {
        return Member.of(new Member.Facts("ada", "Ada", "", lastActive, FIRST_ACTIVE, firstJoined, lastJoined, removed),
                NOW, FOURTEEN_DAYS);
    }

    private static List<Object> shown(Member member) {
        return Arrays.asList(member.status(), member.membership(), member.memberSince());
    }
}
