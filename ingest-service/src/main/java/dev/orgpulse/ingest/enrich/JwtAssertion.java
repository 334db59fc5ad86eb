package dev.orgpulse.ingest.enrich;

import java.time.Duration;
import java.time.Instant;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The signed assertion of Google's service-account flow (OAuth 2.0 JWT bearer grant, RFC 7523) with domain-wide
 * delegation: the service account ({@code iss}) asks for {@code scope} on behalf of a Workspace user ({@code sub}),
 * addressed to the token endpoint ({@code aud}), signed RS256 with the account's key.
 */
public final class JwtAssertion {

    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    /** Google refuses assertions that claim to live longer than an hour. */
    static final Duration LIFETIME = Duration.ofHours(1);

    private JwtAssertion() {
    }

    public static String sign(ServiceAccountKey key, String subject, String scope, Instant now) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(key.clientEmail());
        claims.setSubject(subject);
        claims.setAudience(key.tokenUri());
        claims.setClaim("scope", scope);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(LIFETIME).getEpochSecond()));

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        if (key.privateKeyId() != null) {
            jws.setKeyIdHeaderValue(key.privateKeyId());
        }
        jws.setKey(key.privateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("the service account's key cannot sign RS256: " + e.getMessage(), e);
        }
    }
}
