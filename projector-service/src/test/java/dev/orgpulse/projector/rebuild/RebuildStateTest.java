package dev.orgpulse.projector.rebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RebuildStateTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aRebuildMovesForwardAndNeverLeavesAFinalState() {
        assertTrue(RebuildState.RUNNING.canBecome(RebuildState.SWITCHING));
        assertTrue(RebuildState.SWITCHING.canBecome(RebuildState.RUNNING), "the live fold got ahead: fold on");
        assertTrue(RebuildState.SWITCHING.canBecome(RebuildState.DONE));
        assertTrue(RebuildState.RUNNING.canBecome(RebuildState.CANCELLED));
        for (RebuildState ended : new RebuildState[] {RebuildState.DONE, RebuildState.FAILED, RebuildState.CANCELLED}) {
            assertFalse(ended.active());
            for (RebuildState next : RebuildState.values()) {
                assertFalse(ended.canBecome(next), ended + " -> " + next);
            }
        }
        assertTrue(RebuildState.RUNNING.active() && RebuildState.SWITCHING.active());
    }

    @Test
    void statesAreShownInLowerCase() {
        assertEquals("switching", RebuildState.SWITCHING.json());
        assertEquals(RebuildState.CANCELLED, RebuildState.fromJson("cancelled"));
    }

    @Test
    void theRateCountsOnlyWhatThisRunFolded() {
        RebuildRate rate = new RebuildRate(START, 1_000);

        assertEquals(0, rate.perSecond(1_500, START.plusMillis(900)), "no rate before a full second");
        assertEquals(2_500, rate.perSecond(26_000, START.plusSeconds(10)), 0.001);
    }

    @Test
    void theEtaIsTheRemainingRecordsAtTheRate() {
        assertEquals(40L, RebuildRate.etaSeconds(100_000L, 2_500.0));
        assertEquals(1L, RebuildRate.etaSeconds(1L, 2_500.0), "rounded up: never 0 while records remain");
        assertEquals(0L, RebuildRate.etaSeconds(0L, 0.0));
        assertEquals(null, RebuildRate.etaSeconds(10L, 0.0), "unknown before there is a rate");
        assertEquals(null, RebuildRate.etaSeconds(null, 100.0), "unknown before the log was looked at");
    }
}
