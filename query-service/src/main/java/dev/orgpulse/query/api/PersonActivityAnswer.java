package dev.orgpulse.query.api;

import dev.orgpulse.query.metrics.PersonActivity;

/** {@code GET /api/people/{login}/activity}: {@code {"ok": true, "activity": {...}}}, as GitHub-activity workers say it. */
public record PersonActivityAnswer(boolean ok, PersonActivity activity) {

    public static PersonActivityAnswer of(PersonActivity activity) {
        return new PersonActivityAnswer(true, activity);
    }
}
