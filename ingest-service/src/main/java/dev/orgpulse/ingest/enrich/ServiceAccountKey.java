package dev.orgpulse.ingest.enrich;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.LogJson;

/**
 * A Google service account's JSON key file, as the Cloud console downloads it: who the account is, the RSA key it
 * signs with (PKCS#8 PEM) and where it trades a signed assertion for an access token.
 *
 * @param privateKeyId the key's id, named in the assertion's header so Google knows which public key to check
 */
public record ServiceAccountKey(String clientEmail, String privateKeyId, PrivateKey privateKey, String tokenUri) {

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    /** @throws IllegalArgumentException when the file cannot be read or is not a service-account key */
    public static ServiceAccountKey read(Path file) {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the credentials file " + file + ": " + e, e);
        }
        try {
            return parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the credentials file " + file + " is not a service-account key: "
                    + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException when the JSON is not a service-account key */
    public static ServiceAccountKey parse(byte[] json) {
        JsonNode key;
        try {
            key = LogJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON key file: " + e.getMessage(), e);
        }
        if (key == null || !key.isObject()) {
            throw new IllegalArgumentException("not a JSON key file");
        }
        return new ServiceAccountKey(required(key, "client_email"), key.path("private_key_id").textValue(),
                privateKey(required(key, "private_key")), required(key, "token_uri"));
    }

    private static PrivateKey privateKey(String pem) {
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("private_key is not a PEM \"PRIVATE KEY\" (PKCS#8)");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + PEM_BEGIN.length(), end));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("private_key is not an RSA private key: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode key, String field) {
        JsonNode value = key.path(field);
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new IllegalArgumentException("the key file has no " + field);
        }
        return value.textValue();
    }

    /** The key stays out of logs and exception messages. */
    @Override
    public String toString() {
        return "ServiceAccountKey[" + clientEmail + ", key " + privateKeyId + "]";
    }
}
