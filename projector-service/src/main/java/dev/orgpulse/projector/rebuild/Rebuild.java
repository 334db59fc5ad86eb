package dev.orgpulse.projector.rebuild;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /admin/rebuilds/{id}}: a rebuild of the read models into {@code version}.
 *
 * @param folded    records of the log the rebuild has read and written (folded, ignored, duplicates, dead letters)
 * @param remaining records of the log it has not read yet; {@code null} before it first looked
 * @param ratePerS  records per second of the replica running it, since that run started
 * @param etaS      seconds until it has caught up at that rate; {@code null} while unknown
 * @param error     why it failed, when it did
 * @param resumed   whether it brings back a kept version (a roll back) rather than building a new one
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Rebuild(String id, String version, String state, long folded, Long remaining, Double ratePerS,
        Long etaS, Instant startedAt, Instant switchedAt, String error, @JsonIgnore boolean resumed) {

    @JsonIgnore
    public RebuildState rebuildState() {
        return RebuildState.fromJson(state);
    }
}
