package dev.orgpulse.ingest.github;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

import dev.orgpulse.ingest.enrich.AccessToken;
import dev.orgpulse.ingest.signing.Rs256;

/**
 * A GitHub App authenticating as itself: a JWT ({@code iss} the App id) signed RS256 with the App's private key,
 * used only to find the organisation's installation and get installation tokens ({@link InstallationTokens}).
 */
final class AppJwt extends RenewedToken {

    /** GitHub refuses App JWTs that live longer than ten minutes. */
    static final Duration LIFETIME = Duration.ofMinutes(9);
    /** Issued this far in the past, so a GitHub clock a little behind ours still takes it. */
    static final Duration BACKDATE = Duration.ofSeconds(60);

    private final String appId;
    private final PrivateKey key;

    AppJwt(String appId, PrivateKey key, Clock clock) {
        super(clock);
        this.appId = appId;
        this.key = key;
    }

    @Override
    AccessToken issue(Instant now) {
        return AccessToken.expiring(sign(now), now, now.plus(LIFETIME), Duration.ofMinutes(1));
    }

    @Override
    public String describe() {
        return "GitHub App " + appId;
    }

    String sign(Instant now) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(appId);
        claims.setIssuedAt(NumericDate.fromSeconds(now.minus(BACKDATE).getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(LIFETIME).getEpochSecond()));
        return Rs256.sign(claims, key, null, describe());
    }
}
