package dev.orgpulse.ingest.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.LogJson;

class BackfillStateTest {

    static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void roundTripsThroughItsTopic() throws Exception {
        BackfillState state = BackfillState.requested("b-1", "acme", T.minusSeconds(86_400), T).withRepos(3, T)
                .repoFinished("acme/api", 14, T.plusSeconds(5));

        byte[] json = LogJson.MAPPER.writeValueAsBytes(state);

        assertEquals(state, LogJson.MAPPER.readValue(json, BackfillState.class), new String(json));
        assertEquals(List.of("acme/api"), state.reposFinished());
        assertEquals(14, state.recordsAppended());
    }

    @Test
    void anEndedBackfillIsNotBroughtBackByARunningStateReadAfter() {
        BackfillState running = BackfillState.requested("b-1", "acme", T.minusSeconds(86_400), T).withRepos(3, T);
        BackfillState cancelled = running.ended(BackfillState.CANCELLED, 0, null, T.plusSeconds(5));
        BackfillState progressed = running.repoFinished("acme/api", 14, T.plusSeconds(6));

        assertEquals(cancelled, BackfillState.latest(cancelled, progressed));
        assertEquals(progressed, BackfillState.latest(running, progressed));
    }

    @Test
    void theEtaIsThePaceSoFarTimesWhatIsLeft() {
        BackfillState state = BackfillState.requested("b-1", "acme", T.minusSeconds(86_400), T).withRepos(4, T)
                .repoFinished("acme/api", 14, T.plusSeconds(30));

        BackfillStatus status = BackfillStatus.of(state, 4000, T.plusSeconds(30));

        assertEquals(90L, status.etaSeconds());
        assertEquals(4000L, status.rateLimitRemaining());
        assertEquals(null, BackfillStatus.of(state.ended(BackfillState.DONE, 0, null, T), -1, T).etaSeconds());
    }
}
