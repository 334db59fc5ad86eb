package dev.orgpulse.query.gate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SessionSignerTest {

    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofHours(12));

    private final SessionSigner signer = new SessionSigner("current-key");

    @Test
    void aFreshSessionIsValidUntilItExpires() {
        String session = signer.issue(EXPIRES);

        assertTrue(signer.verify(session, NOW));
        assertTrue(signer.verify(session, EXPIRES.minusSeconds(1)));
        assertFalse(signer.verify(session, EXPIRES));
        assertFalse(signer.verify(session, EXPIRES.plus(Duration.ofDays(1))));
    }

    @Test
    void aSessionCheckedOnceStillExpires() {
        String session = signer.issue(EXPIRES);

        assertTrue(signer.verify(session, NOW));
        assertTrue(signer.verify(session, NOW));
        assertFalse(signer.verify(session, EXPIRES));
    }

    @Test
    void sessionsBeyondTheRememberedOnesAreStillCheckedAndAccepted() {
        String first = signer.issue(EXPIRES);
        assertTrue(signer.verify(first, NOW));
        for (int i = 0; i < SessionSigner.VERIFIED_LIMIT; i++) {
            assertTrue(signer.verify(signer.issue(EXPIRES), NOW));
        }
        String tampered = first.substring(0, first.length() - 1) + (first.endsWith("A") ? 'B' : 'A');

        assertTrue(signer.verify(first, NOW));
        assertFalse(signer.verify(tampered, NOW));
    }

    @Test
    void aLongerExpiryWrittenIntoTheCookieBreaksTheSignature() {
        String session = signer.issue(EXPIRES);
        String extended = EXPIRES.plus(Duration.ofDays(365)).getEpochSecond()
                + session.substring(session.indexOf('.'));

        assertFalse(signer.verify(extended, NOW));
    }

    @Test
    void aChangedSignatureIsRefused() {
        String session = signer.issue(EXPIRES);
        char last = session.charAt(session.length() - 1);
        String tampered = session.substring(0, session.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertFalse(signer.verify(tampered, NOW));
    }

    @Test
    void everyOtherLastCharacterIsRefusedThoughSomeDecodeToTheSameSignature() {
        String session = signer.issue(EXPIRES);
        String unsigned = session.substring(0, session.length() - 1);
        char last = session.charAt(session.length() - 1);

        for (char other : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
            if (other != last) {
                assertFalse(signer.verify(unsigned + other, NOW), unsigned + other);
            }
        }
        assertTrue(signer.verify(session, NOW));
    }

    @Test
    void rotatingTheAccessKeyEndsTheOldSessions() {
        String signedWithOldKey = new SessionSigner("old-key").issue(EXPIRES);

        assertFalse(signer.verify(signedWithOldKey, NOW));
    }

    @Test
    void eachSessionIsDistinct() {
        assertNotEquals(signer.issue(EXPIRES), signer.issue(EXPIRES));
    }

    @Test
    void garbageIsRefusedWithoutFailing() {
        for (String garbage : new String[] {"", ".", "..", "abc", "1.2", "x.y.z", "123.abc.%%%", ".nonce.sig"}) {
            assertFalse(signer.verify(garbage, NOW), garbage);
        }
    }
}
