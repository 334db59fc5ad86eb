package dev.orgpulse.projector.fold;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** What runs, jobs and check runs share: a status that only moves forward, and a duration once completed. */
final class CiStatus {

    private static final String COMPLETED = "completed";
    private static final String IN_PROGRESS = "in_progress";
    private static final Set<String> FAILED = Set.of("failure", "timed_out", "startup_failure");

    private CiStatus() {
    }

    /** queued, requested, waiting, pending: 0; in progress: 1; completed: 2. */
    static int progress(String status) {
        if (COMPLETED.equals(status)) {
            return 2;
        }
        return IN_PROGRESS.equals(status) ? 1 : 0;
    }

    static boolean failed(String status, String conclusion) {
        return COMPLETED.equals(status) && FAILED.contains(conclusion);
    }

    /** Seconds from start to end of something completed; {@code null} while it runs or when a time is missing. */
    static Long durationSeconds(String status, Instant start, Instant end) {
        if (!COMPLETED.equals(status) || start == null || end == null || end.isBefore(start)) {
            return null;
        }
        return Duration.between(start, end).toSeconds();
    }
}
