package dev.orgpulse.ingest.enrich;

import java.time.Duration;
import java.time.Instant;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

import dev.orgpulse.ingest.signing.Rs256;

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

        return Rs256.sign(claims, key.privateKey(), key.privateKeyId(), "the service account");
    }
}
