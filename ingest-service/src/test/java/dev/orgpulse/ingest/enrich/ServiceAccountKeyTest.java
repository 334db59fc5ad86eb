package dev.orgpulse.ingest.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.Signature;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.orgpulse.testing.google.TestServiceAccount;

class ServiceAccountKeyTest {

    private static final String TOKEN_URI = "https://oauth2.googleapis.com/token";

    private final TestServiceAccount account = TestServiceAccount.generate(TOKEN_URI);

    @Test
    void readsTheKeyFileTheCloudConsoleHandsOut() throws Exception {
        ServiceAccountKey key = ServiceAccountKey.parse(account.keyFile());

        assertEquals(TestServiceAccount.CLIENT_EMAIL, key.clientEmail());
        assertEquals(TestServiceAccount.KEY_ID, key.privateKeyId());
        assertEquals(TOKEN_URI, key.tokenUri());
        byte[] message = { 1, 2, 3 };
        Signature signing = Signature.getInstance("SHA256withRSA");
        signing.initSign(key.privateKey());
        signing.update(message);
        Signature checking = Signature.getInstance("SHA256withRSA");
        checking.initVerify(account.publicKey());
        checking.update(message);
        assertTrue(checking.verify(signing.sign()), "the private key belongs to the account's public key");
    }

    @ParameterizedTest
    @ValueSource(strings = { "client_email", "private_key", "token_uri" })
    void refusesAKeyFileWithoutAField(String field) {
        Map<String, String> fields = account.keyFileFields();
        fields.remove(field);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ServiceAccountKey.parse(TestServiceAccount.keyFile(fields)));
        assertTrue(refused.getMessage().contains(field), refused.getMessage());
    }

    @Test
    void refusesAPrivateKeyThatIsNoPkcs8Pem() {
        Map<String, String> fields = account.keyFileFields();
        fields.put("private_key", "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");

        assertThrows(IllegalArgumentException.class, () -> ServiceAccountKey.parse(TestServiceAccount.keyFile(fields)));
    }

    @Test
    void namesTheFileItCannotRead() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ServiceAccountKey.read(Path.of("/nonexistent/orgpulse-key.json")));
        assertTrue(refused.getMessage().contains("/nonexistent/orgpulse-key.json"), refused.getMessage());
    }

    @Test
    void keepsThePrivateKeyOutOfItsDescription() {
        ServiceAccountKey key = ServiceAccountKey.parse(account.keyFile());

        assertFalse(key.toString().contains("PRIVATE"), key.toString());
    }
}
