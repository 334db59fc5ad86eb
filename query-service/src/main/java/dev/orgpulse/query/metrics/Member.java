package dev.orgpulse.query.metrics;

import java.time.Duration;
import java.time.Instant;

/**
 * One person of {@code GET /api/members}: an organisation member or someone seen acting.
 *
 * @param status      {@code active} when their last activity is within the active days, else {@code inactive}
 * @param memberSince when they joined, for a member; their first activity, for someone no membership event names;
 *                    {@code null} for a removed member
 * @param membership  {@code member} (a membership event says they joined, and no removal came after),
 *                    {@code removed} (removed from the organisation since), {@code none} (seen acting only)
 */
public record Member(String login, String name, String avatar, String status, Instant lastActive, Instant memberSince,
        String membership) {

    /** What the read models know of one person. Every time may be {@code null}. */
    public record Facts(String login, String name, String avatar, Instant lastActive, Instant firstActive,
            Instant firstJoinedAt, Instant lastJoinedAt, Instant removedAt) {
    }

    public static Member of(Facts facts, Instant now, Duration activeFor) {
        boolean active = facts.lastActive() != null && !facts.lastActive().isBefore(now.minus(activeFor));
        String membership;
        Instant since;
        if (facts.lastJoinedAt() != null
                && (facts.removedAt() == null || facts.lastJoinedAt().isAfter(facts.removedAt()))) {
            membership = "member";
            // rejoined after a removal: a member since then
            since = facts.removedAt() == null || facts.firstJoinedAt().isAfter(facts.removedAt())
                    ? facts.firstJoinedAt() : facts.lastJoinedAt();
        } else if (facts.removedAt() != null) {
            membership = "removed";
            since = null;
        } else {
            membership = "none";
            since = facts.firstActive();
        }
        return new Member(facts.login(), facts.name(), facts.avatar(), active ? "active" : "inactive",
                facts.lastActive(), since, membership);
    }
}
