package dev.orgpulse.testing.google;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Google service account made up for one test run: an RSA key pair generated now, and the JSON key file the
 * Cloud console would hand out for it (the private key as PKCS#8 PEM).
 */
public final class TestServiceAccount {

    public static final String CLIENT_EMAIL = "meet-reader@orgpulse-test.iam.gserviceaccount.com";
    public static final String KEY_ID = "0123456789abcdef0123456789abcdef01234567";

    private final KeyPair keys;
    private final String tokenUri;

    private TestServiceAccount(KeyPair keys, String tokenUri) {
        this.keys = keys;
        this.tokenUri = tokenUri;
    }

    public static TestServiceAccount generate(String tokenUri) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TestServiceAccount(generator.generateKeyPair(), tokenUri);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    public String tokenUri() {
        return tokenUri;
    }

    /** The key file as downloaded from the Cloud console. */
    public byte[] keyFile() {
        return keyFile(keyFileFields());
    }

    /** The key file's fields, in the console's order, for a test to spoil one. */
    public Map<String, String> keyFileFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", "service_account");
        fields.put("project_id", "orgpulse-test");
        fields.put("private_key_id", KEY_ID);
        fields.put("private_key", "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        fields.put("client_email", CLIENT_EMAIL);
        fields.put("client_id", "104857600000000000001");
        fields.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        fields.put("token_uri", tokenUri);
        return fields;
    }

    public static byte[] keyFile(Map<String, String> fields) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
