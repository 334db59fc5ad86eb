package dev.orgpulse.testing.google;

import java.time.Duration;
import java.time.Instant;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * An OIDC ID token as Google mints it for a Pub/Sub push subscription, valid for the test profile's audience
 * and service account until a claim is spoiled. Signed RS256 with one of {@link GoogleKeys}, or forged.
 */
public final class GoogleIdToken {

    /**
     * The audience and the service account the tokens carry: the ingest service's test profile allows them
     * (its application.properties), and so do the system tests.
     */
    public static final String AUDIENCE = "https://ingest.orgpulse.test/webhooks/pubsub";
    public static final String SERVICE_ACCOUNT = "meet-push@orgpulse-test.iam.gserviceaccount.com";
    public static final String ISSUER = "https://accounts.google.com";

    private final JwtClaims claims = new JwtClaims();

    private GoogleIdToken() {
        Instant now = Instant.now();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject("112233445566778899001");
        claims.setClaim("azp", "112233445566778899001");
        claims.setClaim("email", SERVICE_ACCOUNT);
        claims.setClaim("email_verified", true);
        issuedAt(now);
        expiresAt(now.plus(Duration.ofHours(1)));
    }

    public static GoogleIdToken valid() {
        return new GoogleIdToken();
    }

    public GoogleIdToken claim(String name, Object value) {
        claims.setClaim(name, value);
        return this;
    }

    public GoogleIdToken issuedAt(Instant issuedAt) {
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        return this;
    }

    public GoogleIdToken expiresAt(Instant expiresAt) {
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        return this;
    }

    /** Signed as Google signs: RS256, naming the key by its kid. */
    public String signedWith(RsaJsonWebKey key) {
        return signedWith(key, key.getKeyId());
    }

    /** Signed with {@code key} while naming another key, e.g. one the key set does not hold. */
    public String signedWith(RsaJsonWebKey key, String keyId) {
        JsonWebSignature jws = jws(AlgorithmIdentifiers.RSA_USING_SHA256, keyId);
        jws.setKey(key.getPrivateKey());
        return serialize(jws);
    }

    /** {@code alg: none}, naming a published key: no signature at all. */
    public String unsigned(RsaJsonWebKey namedKey) {
        JsonWebSignature jws = jws(AlgorithmIdentifiers.NONE, namedKey.getKeyId());
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        return serialize(jws);
    }

    /** The classic confusion attack: HS256 with the published public key's bytes as the HMAC secret. */
    public String hmacWithPublicKeyOf(RsaJsonWebKey publishedKey) {
        JsonWebSignature jws = jws(AlgorithmIdentifiers.HMAC_SHA256, publishedKey.getKeyId());
        jws.setKey(new HmacKey(publishedKey.getPublicKey().getEncoded()));
        return serialize(jws);
    }

    private JsonWebSignature jws(String algorithm, String keyId) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKeyIdHeaderValue(keyId);
        jws.setHeader("typ", "JWT");
        return jws;
    }

    private static String serialize(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
