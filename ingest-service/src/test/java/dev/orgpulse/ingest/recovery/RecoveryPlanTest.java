package dev.orgpulse.ingest.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RecoveryPlanTest {

    static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void redeliversEachEventTheLogLacksOnceByItsLatestAttempt() {
        List<HookDelivery> attempts = List.of(
                new HookDelivery(1, "ok", T, 202, "push"),
                new HookDelivery(2, "late-202", T, 0, "push"),
                new HookDelivery(3, "gone", T, 503, "push"),
                new HookDelivery(4, "gone", T.plusSeconds(60), 502, "push"),
                new HookDelivery(5, "logged-but-lost-by-github", T, 202, "issues"));

        RecoveryPlan plan = RecoveryPlan.of(attempts, Set.of("ok", "late-202"));

        assertEquals(4, plan.checked());
        assertEquals(2, plan.failed());
        assertEquals(1, plan.alreadyInLog());
        assertEquals(List.of(4L, 5L), plan.redeliver().stream().map(HookDelivery::id).toList());
    }

    @Test
    void aFailedEventRedeliveredSuccessfullyIsDone() {
        List<HookDelivery> attempts = List.of(new HookDelivery(1, "g", T, 503, "push"),
                new HookDelivery(2, "g", T.plusSeconds(30), 202, "push"));

        RecoveryPlan plan = RecoveryPlan.of(attempts, Set.of("g"));

        assertEquals(new RecoveryPlan(1, 0, 0, List.of()), plan);
    }
}
