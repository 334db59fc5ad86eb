package dev.orgpulse.ingest.oidc;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

import dev.orgpulse.ingest.delivery.Rejection;
import dev.orgpulse.ingest.error.Causes;

/**
 * Checks the {@code Authorization: Bearer} token of a Pub/Sub push: a Google-signed OIDC ID token (RS256, a key
 * of Google's key set), issued by Google, for the configured audience, current within a minute of clock skew,
 * for a verified email that is one of the configured service accounts.
 */
public final class GoogleIdTokenVerifier {

    /** Google writes its issuer both ways. */
    private static final String[] ISSUERS = { "accounts.google.com", "https://accounts.google.com" };
    private static final int CLOCK_SKEW_SECONDS = 60;
    /** Google's ID tokens live an hour: one issued longer ago is refused whatever its {@code exp} says. */
    private static final int MAX_TOKEN_AGE_SECONDS = 3600;
    private static final String BEARER = "Bearer ";

    private final Optional<JwtConsumer> consumer;
    private final Set<String> serviceAccounts;

    /**
     * @param audience none: every token is refused
     * @param serviceAccounts none (or blank only): every token is refused
     */
    public GoogleIdTokenVerifier(VerificationKeyResolver signingKeys, Optional<String> audience,
            Collection<String> serviceAccounts) {
        this.consumer = audience.map(String::strip).filter(expected -> !expected.isEmpty())
                .map(expected -> new JwtConsumerBuilder()
                        .setVerificationKeyResolver(signingKeys)
                        .setJwsAlgorithmConstraints(GoogleSigningKeys.ONLY_RS256)
                        .setExpectedIssuers(true, ISSUERS)
                        .setExpectedAudience(true, expected)
                        .setRequireExpirationTime()
                        .setRequireIssuedAt()
                        .setIssuedAtRestrictions(0, MAX_TOKEN_AGE_SECONDS)
                        .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                        .build());
        this.serviceAccounts = serviceAccounts.stream()
                .map(GoogleIdTokenVerifier::normalized)
                .filter(account -> !account.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean hasAudience() {
        return consumer.isPresent();
    }

    public Set<String> serviceAccounts() {
        return serviceAccounts;
    }

    /**
     * @param authorization the request's Authorization header, {@code null} when absent
     * @throws TokenRejectedException {@link Rejection#INVALID_TOKEN} for a missing or invalid token,
     *         {@link Rejection#FORBIDDEN_SENDER} for a valid token of another account or an unverified email,
     *         {@link Rejection#VERIFICATION_UNAVAILABLE} when Google's keys could not be fetched
     */
    public VerifiedPusher verify(String authorization) {
        String token = bearerToken(authorization);
        JwtConsumer verification = consumer.orElseThrow(() -> new TokenRejectedException(Rejection.INVALID_TOKEN,
                "no Pub/Sub audience is configured: every push is refused", null));
        JwtContext verified;
        try {
            verified = verification.process(token);
        } catch (InvalidJwtException e) {
            SigningKeysUnavailableException unavailable = Causes.ofType(e, SigningKeysUnavailableException.class);
            if (unavailable != null) {
                throw new TokenRejectedException(Rejection.VERIFICATION_UNAVAILABLE, unavailable.getMessage(),
                        unavailable.getCause());
            }
            throw new TokenRejectedException(Rejection.INVALID_TOKEN, reason(e), null);
        }
        String serviceAccount = allowedServiceAccount(verified.getJwtClaims());
        return new VerifiedPusher(serviceAccount, verified.getJoseObjects().get(0).getKeyIdHeaderValue());
    }

    private String allowedServiceAccount(JwtClaims claims) {
        Object email = claims.getClaimValue("email");
        if (!(email instanceof String address) || address.isBlank()) {
            throw forbidden("the token carries no email");
        }
        // a boolean in current tokens; older ones carried the string "true"
        Object emailVerified = claims.getClaimValue("email_verified");
        if (!Boolean.TRUE.equals(emailVerified) && !"true".equals(emailVerified)) {
            throw forbidden("the token's email " + address + " is not verified");
        }
        if (!serviceAccounts.contains(normalized(address))) {
            throw forbidden(address + " is not a service account allowed to push");
        }
        return address;
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new TokenRejectedException(Rejection.INVALID_TOKEN, "missing Authorization: Bearer token", null);
        }
        String token = authorization.substring(BEARER.length()).strip();
        if (token.isEmpty()) {
            throw new TokenRejectedException(Rejection.INVALID_TOKEN, "empty bearer token", null);
        }
        return token;
    }

    /** A reason that names what is wrong without echoing what the service expects (its audience, say). */
    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "the token has expired";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "the token is not for this audience";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "the token is not issued by Google";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_PAST)
                || e.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING) || e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
            return "the token's issue or expiry time is missing or out of range";
        }
        UnresolvableKeyException unresolvable = Causes.ofType(e, UnresolvableKeyException.class);
        if (unresolvable != null) {
            return unresolvable.getMessage();
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return "the token's signature does not verify";
        }
        return "not a valid Google ID token";
    }

    private static TokenRejectedException forbidden(String reason) {
        return new TokenRejectedException(Rejection.FORBIDDEN_SENDER, reason, null);
    }

    private static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
