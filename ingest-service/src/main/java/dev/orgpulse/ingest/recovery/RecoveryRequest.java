package dev.orgpulse.ingest.recovery;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A {@code POST /admin/recovery} made on some replica, kept on {@link dev.orgpulse.eventlog.Topics#BACKFILLS} under
 * {@link #key} until the leader answers it with the report of a run that started after it was made.
 *
 * @param report what that run found and did, once {@link #DONE}
 * @param error why it could not run, once {@link #FAILED}
 */
public record RecoveryRequest(
        String id,
        String state,
        @JsonProperty("requested_at") Instant requestedAt,
        RecoveryReport report,
        String error) {

    static final String REQUESTED = "requested";
    static final String DONE = "done";
    static final String FAILED = "failed";
    private static final String KEY_PREFIX = "recovery:";

    static RecoveryRequest requested(String id, Instant now) {
        return new RecoveryRequest(id, REQUESTED, now, null, null);
    }

    static String key(String id) {
        return KEY_PREFIX + id;
    }

    static boolean isKey(String key) {
        return key.startsWith(KEY_PREFIX);
    }

    /** Of a request known and one read after it: an answered request stays answered. */
    static RecoveryRequest latest(RecoveryRequest known, RecoveryRequest next) {
        return known.answered() && !next.answered() ? known : next;
    }

    boolean answered() {
        return !REQUESTED.equals(state);
    }

    RecoveryRequest done(RecoveryReport what) {
        return new RecoveryRequest(id, DONE, requestedAt, what, null);
    }

    RecoveryRequest failed(String why) {
        return new RecoveryRequest(id, FAILED, requestedAt, null, why);
    }
}
