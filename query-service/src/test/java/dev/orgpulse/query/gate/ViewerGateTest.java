package dev.orgpulse.query.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ViewerGateTest {

    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    private final ViewerGate gate = new ViewerGate(Optional.of("s3cret"), Optional.empty(), false);

    @Test
    void theRightBearerKeyIsAdmittedWhateverTheSchemeCase() {
        assertTrue(gate.admit("Bearer s3cret", null, NOW).admitted());
        assertTrue(gate.admit("bearer s3cret", null, NOW).admitted());
    }

    @Test
    void aWrongOrMalformedAuthorizationIsRefusedEvenWithAValidSession() {
        String session = gate.openSession(NOW.plus(Duration.ofHours(1)));

        assertFalse(gate.admit("Bearer s3cre", null, NOW).admitted());
        assertFalse(gate.admit("Bearer s3cret-and-more", session, NOW).admitted());
        assertFalse(gate.admit("Basic czNjcmV0", null, NOW).admitted());
        assertFalse(gate.admit("s3cret", null, NOW).admitted());
    }

    @Test
    void aSessionSignedWithTheKeyIsAdmittedUntilItExpires() {
        String session = gate.openSession(NOW.plus(Duration.ofHours(1)));

        assertTrue(gate.admit(null, session, NOW).admitted());
        assertFalse(gate.admit(null, session, NOW.plus(Duration.ofHours(2))).admitted());
        assertFalse(gate.admit(null, "forged.session.value", NOW).admitted());
    }

    @Test
    void noCredentialsAreRefused() {
        ViewerGate.Verdict verdict = gate.admit(null, null, NOW);

        assertFalse(verdict.admitted());
        assertTrue(verdict.reason().contains("/login"));
    }

    @Test
    void withNoKeyConfiguredNothingGetsInNotEvenAnEmptyBearer() {
        for (ViewerGate closed : new ViewerGate[] {new ViewerGate(Optional.empty(), Optional.empty(), false),
                new ViewerGate(Optional.of("  "), Optional.of(""), false)}) {
            assertFalse(closed.admit("Bearer ", null, NOW).admitted());
            assertFalse(closed.admit("Bearer   ", null, NOW).admitted());
            assertFalse(closed.admit(null, null, NOW).admitted());
            assertFalse(closed.acceptsKey(""));
            assertThrows(IllegalStateException.class, () -> closed.openSession(NOW));
        }
    }

    @Test
    void theDevBypassAdmitsEveryone() {
        ViewerGate open = new ViewerGate(Optional.empty(), Optional.empty(), true);

        assertTrue(open.admit(null, null, NOW).admitted());
        assertTrue(open.admit("Bearer wrong", null, NOW).admitted());
    }

    @Test
    void theLoginFormKeyIsComparedExactly() {
        assertTrue(gate.acceptsKey("s3cret"));
        assertFalse(gate.acceptsKey("S3CRET"));
        assertFalse(gate.acceptsKey(null));
    }

    @Test
    void googleSignInAloneSignsSessionsButAcceptsNoKey() {
        ViewerGate googleOnly = new ViewerGate(Optional.empty(), Optional.of("client-secret"), false);
        String session = googleOnly.openSession(NOW.plus(Duration.ofHours(1)));

        assertTrue(googleOnly.hasSignIn());
        assertFalse(googleOnly.hasAccessKey());
        assertTrue(googleOnly.admit(null, session, NOW).admitted());
        assertFalse(googleOnly.admit("Bearer client-secret", null, NOW).admitted());
        assertFalse(googleOnly.acceptsKey("client-secret"));
    }

    @Test
    void rotatingEitherSecretEndsTheSessions() {
        ViewerGate both = new ViewerGate(Optional.of("s3cret"), Optional.of("client-secret"), false);
        String session = both.openSession(NOW.plus(Duration.ofHours(1)));

        assertTrue(both.admit(null, session, NOW).admitted());
        assertFalse(gate.admit(null, session, NOW).admitted());
        assertFalse(new ViewerGate(Optional.of("s3cret"), Optional.of("rotated"), false).admit(null, session, NOW).admitted());
    }

    @Test
    void denyByDefaultOnlyWhatAStrangerNeedsToSignInIsOpen() {
        assertEquals(ViewerGate.Area.API, ViewerGate.areaOf("/api/stats"));
        assertEquals(ViewerGate.Area.API, ViewerGate.areaOf("/api/stream"));
        assertEquals(ViewerGate.Area.API, ViewerGate.areaOf("/api"));
        assertEquals(ViewerGate.Area.PAGE, ViewerGate.areaOf("/"));
        assertEquals(ViewerGate.Area.PAGE, ViewerGate.areaOf("/people/alice"));
        assertEquals(ViewerGate.Area.PAGE, ViewerGate.areaOf("/repos/org/api"));
        assertEquals(ViewerGate.Area.PAGE, ViewerGate.areaOf("/apis"));
        assertEquals(ViewerGate.Area.PAGE, ViewerGate.areaOf("/anything-else"));
        assertEquals(ViewerGate.Area.PAGE, ViewerGate.areaOf("/login/elsewhere"));
        assertEquals(ViewerGate.Area.PAGE, ViewerGate.areaOf("/assets/../api/stats"));
        assertEquals(ViewerGate.Area.OPEN, ViewerGate.areaOf("/login"));
        assertEquals(ViewerGate.Area.OPEN, ViewerGate.areaOf("/login/google"));
        assertEquals(ViewerGate.Area.OPEN, ViewerGate.areaOf("/logout"));
        assertEquals(ViewerGate.Area.OPEN, ViewerGate.areaOf("/healthz"));
        assertEquals(ViewerGate.Area.OPEN, ViewerGate.areaOf("/assets/wall.js"));
        assertEquals(ViewerGate.Area.PAGE, ViewerGate.areaOf("/q/metrics"));
    }
}
