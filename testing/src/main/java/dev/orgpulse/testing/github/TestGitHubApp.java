package dev.orgpulse.testing.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * A GitHub App made up for a test run: an id and a fresh RSA key, written as GitHub hands App keys out (a PKCS#1
 * {@code RSA PRIVATE KEY} PEM file).
 */
public record TestGitHubApp(String appId, KeyPair keys, Path privateKeyFile) {

    /** The length of PKCS#8's wrapping around the PKCS#1 key of a 2048-bit RSA key (header, version, algorithm). */
    private static final int PKCS8_WRAPPING = 26;

    public static TestGitHubApp generate(String appId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            byte[] pkcs8 = keys.getPrivate().getEncoded();
            byte[] pkcs1 = Arrays.copyOfRange(pkcs8, PKCS8_WRAPPING, pkcs8.length);
            String pem = "-----BEGIN RSA PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs1)
                    + "\n-----END RSA PRIVATE KEY-----\n";
            Path file = Files.createTempFile("orgpulse-test-github-app", ".pem");
            Files.writeString(file, pem);
            return new TestGitHubApp(appId, keys, file);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }
}
