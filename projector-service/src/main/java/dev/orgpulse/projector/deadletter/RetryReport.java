package dev.orgpulse.projector.deadletter;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer of {@code POST /admin/dead-letters/retry}: every dead letter folded again, in list order. */
public record RetryReport(int retried, int resolved, @JsonProperty("still_dead") int stillDead,
        List<RetryOutcome> outcomes) {

    static RetryReport of(List<RetryOutcome> outcomes) {
        int resolved = (int) outcomes.stream().filter(RetryOutcome::resolved).count();
        return new RetryReport(outcomes.size(), resolved, outcomes.size() - resolved, List.copyOf(outcomes));
    }
}
