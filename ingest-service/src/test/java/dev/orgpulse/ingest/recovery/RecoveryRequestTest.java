package dev.orgpulse.ingest.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.LogJson;

class RecoveryRequestTest {

    static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void roundTripsThroughItsTopicUnderAKeyNoBackfillHas() throws Exception {
        RecoveryRequest answered = RecoveryRequest.requested("r-1", T).done(new RecoveryReport(4, 3, 2, 1));

        byte[] json = LogJson.MAPPER.writeValueAsBytes(answered);

        assertEquals(answered, LogJson.MAPPER.readValue(json, RecoveryRequest.class), new String(json));
        assertTrue(new String(json).contains("\"already_in_log\":1"), new String(json));
        assertEquals("recovery:r-1", RecoveryRequest.key("r-1"));
        assertTrue(RecoveryRequest.isKey(RecoveryRequest.key("r-1")));
        assertFalse(RecoveryRequest.isKey("0b6f3f3e-5d7a-4f49-9a52-4a1c8f0b1d2e"), "a backfill's id");
    }

    @Test
    void anAnsweredRequestStaysAnsweredWhenItsRequestIsReadAfter() {
        RecoveryRequest requested = RecoveryRequest.requested("r-1", T);
        RecoveryRequest failed = requested.failed("hook not found");

        assertEquals(failed, RecoveryRequest.latest(failed, requested));
        assertEquals(failed, RecoveryRequest.latest(requested, failed));
        assertFalse(requested.answered());
        assertTrue(failed.answered());
    }
}
