package dev.orgpulse.ingest.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {

    // The example from GitHub's "Validating webhook deliveries" documentation.
    private static final String SECRET = "It's a Secret to Everybody";
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void acceptsTheBodySignedWithTheSecret() {
        assertEquals("github-secret-1", new WebhookSignature(List.of(SECRET)).verify(BODY, SIGNATURE));
    }

    @Test
    void namesTheSecondSecretOfARotation() {
        WebhookSignature rotation = new WebhookSignature(List.of("the-new-secret", SECRET));

        assertEquals("github-secret-2", rotation.verify(BODY, SIGNATURE));
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        WebhookSignature other = new WebhookSignature(List.of("not-the-secret"));

        assertRefused("matches no configured secret", () -> other.verify(BODY, SIGNATURE));
    }

    @Test
    void refusesABodyAlteredByOneByte() {
        byte[] altered = BODY.clone();
        altered[altered.length - 1] ^= 1;

        assertRefused("matches no configured secret",
                () -> new WebhookSignature(List.of(SECRET)).verify(altered, SIGNATURE));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void refusesAMissingHeader(String header) {
        assertRefused("missing", () -> new WebhookSignature(List.of(SECRET)).verify(BODY, header));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
            "sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1z",
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e",
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1700",
            "sha256=" })
    void refusesAMalformedHeader(String header) {
        assertRefused(WebhookSignature.HEADER, () -> new WebhookSignature(List.of(SECRET)).verify(BODY, header));
    }

    @Test
    void refusesEverythingWhenNoSecretIsConfigured() {
        WebhookSignature none = new WebhookSignature(List.of(" ", ""));

        assertFalse(none.hasSecrets());
        assertRefused("no webhook secret", () -> none.verify(BODY, SIGNATURE));
    }

    private static void assertRefused(String reason, Executable verification) {
        InvalidSignatureException refused = assertThrows(InvalidSignatureException.class, verification);
        assertTrue(refused.getMessage().contains(reason),
                () -> "'" + refused.getMessage() + "' should mention '" + reason + "'");
    }
}
