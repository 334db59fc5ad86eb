package dev.orgpulse.projector.fold;

import java.time.Instant;

/**
 * What a delivery tells about a person. A {@code null} name or avatar means "not told", never "erase".
 *
 * @param seenAt when the delivery was received: the newer of two reports wins where both know a value
 */
public record PersonRow(String login, String name, String avatarUrl, boolean bot, Instant seenAt) {

    /** This report completed by another one about the same login from the same delivery. */
    PersonRow mergedWith(PersonRow other) {
        return new PersonRow(login, name != null ? name : other.name, avatarUrl != null ? avatarUrl : other.avatarUrl,
                bot || other.bot, seenAt.isAfter(other.seenAt) ? seenAt : other.seenAt);
    }

    /**
     * The stored report updated by a later one, by the rule the {@code person} table applies on conflict: a name or
     * avatar replaced only by a newer report and never by null, a bot stays a bot.
     */
    public PersonRow updatedBy(PersonRow report) {
        boolean newer = report.seenAt.isAfter(seenAt);
        return new PersonRow(login, report.name != null && (name == null || newer) ? report.name : name,
                report.avatarUrl != null && (avatarUrl == null || newer) ? report.avatarUrl : avatarUrl,
                bot || report.bot, newer ? report.seenAt : seenAt);
    }
}
