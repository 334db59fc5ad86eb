package dev.orgpulse.ingest.enrich;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.ingest.signing.RsaPemKeys;

/**
 * A Google service account's JSON key file, as the Cloud console downloads it: who the account is, the RSA key it
 * signs with (PKCS#8 PEM) and where it trades a signed assertion for an access token.
 *
 * @param privateKeyId the key's id, named in the assertion's header so Google knows which public key to check
 */
public record ServiceAccountKey(String clientEmail, String privateKeyId, PrivateKey privateKey, String tokenUri) {

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
        try {
            return RsaPemKeys.privateKey(pem);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("private_key is " + e.getMessage(), e);
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
