package dev.orgpulse.ingest.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class AccessTokenTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void isUsedUntilAMinuteBeforeItExpires() {
        AccessToken token = AccessToken.fromAnswer(answer("{\"access_token\":\"ya29.a\",\"expires_in\":3599,"
                + "\"token_type\":\"Bearer\"}"), RECEIVED);

        assertEquals("ya29.a", token.value());
        assertTrue(token.usableAt(RECEIVED.plusSeconds(3599 - 61)));
        assertFalse(token.usableAt(RECEIVED.plusSeconds(3599 - 60)));
    }

    @Test
    void aShortLivedTokenIsReplacedHalfwayThroughItsLife() {
        AccessToken token = AccessToken.fromAnswer(answer("{\"access_token\":\"ya29.b\",\"expires_in\":60}"), RECEIVED);

        assertTrue(token.usableAt(RECEIVED.plusSeconds(29)));
        assertFalse(token.usableAt(RECEIVED.plusSeconds(30)));
    }

    @Test
    void refusesAnAnswerWithoutToken() {
        GoogleApiException refused = assertThrows(GoogleApiException.class,
                () -> AccessToken.fromAnswer(answer("{\"token_type\":\"Bearer\",\"expires_in\":3599}"), RECEIVED));
        assertEquals(GoogleApiException.Kind.REFUSED, refused.kind());
    }

    @Test
    void keepsTheTokenOutOfItsDescription() {
        AccessToken token = AccessToken.fromAnswer(answer("{\"access_token\":\"ya29.secret\",\"expires_in\":3599}"),
                RECEIVED);

        assertFalse(token.toString().contains("ya29.secret"), token.toString());
    }

    private static byte[] answer(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
