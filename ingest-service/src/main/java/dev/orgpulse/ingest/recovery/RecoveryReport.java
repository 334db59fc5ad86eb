package dev.orgpulse.ingest.recovery;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer of {@code POST /admin/recovery}: what one run found and did. */
public record RecoveryReport(int checked, int failed, int redelivered,
        @JsonProperty("already_in_log") int alreadyInLog) {
}
