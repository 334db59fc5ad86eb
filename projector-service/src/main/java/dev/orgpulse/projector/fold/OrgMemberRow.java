package dev.orgpulse.projector.fold;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;

/**
 * What membership events tell about one person's membership of the organisation, merged by a rule that gives the same
 * row whatever order they are folded in: the earliest and the latest time they joined, the latest time they were
 * removed. Times are when the ingest received the event (these payloads carry none).
 *
 * @param firstJoinedAt {@code null} when no event told they joined
 * @param lastJoinedAt  {@code null} likewise
 * @param removedAt     {@code null} when no event told they were removed
 */
public record OrgMemberRow(String login, Instant firstJoinedAt, Instant lastJoinedAt, Instant removedAt) {

    private static final BinaryOperator<Instant> EARLIER = BinaryOperator.minBy(Comparator.naturalOrder());
    private static final BinaryOperator<Instant> LATER = BinaryOperator.maxBy(Comparator.naturalOrder());

    static OrgMemberRow joined(String login, Instant at) {
        return new OrgMemberRow(login, at, at, null);
    }

    static OrgMemberRow removed(String login, Instant at) {
        return new OrgMemberRow(login, null, null, at);
    }

    /** Both reports about one person merged, by the rule the {@code org_member} table applies on conflict. */
    public OrgMemberRow mergedWith(OrgMemberRow other) {
        return new OrgMemberRow(login, either(firstJoinedAt, other.firstJoinedAt, EARLIER),
                either(lastJoinedAt, other.lastJoinedAt, LATER), either(removedAt, other.removedAt, LATER));
    }

    private static Instant either(Instant one, Instant other, BinaryOperator<Instant> which) {
        return Stream.of(one, other).filter(Objects::nonNull).reduce(which).orElse(null);
    }
}
