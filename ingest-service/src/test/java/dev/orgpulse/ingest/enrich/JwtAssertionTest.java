package dev.orgpulse.ingest.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.junit.jupiter.api.Test;

import dev.orgpulse.testing.google.TestServiceAccount;

class JwtAssertionTest {

    private static final String TOKEN_URI = "https://oauth2.googleapis.com/token";
    private static final String SUBJECT = "someone@orgpulse.test";
    private static final String SCOPE = "https://www.googleapis.com/auth/meetings.space.readonly";
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private final TestServiceAccount account = TestServiceAccount.generate(TOKEN_URI);
    private final ServiceAccountKey key = ServiceAccountKey.parse(account.keyFile());

    @Test
    void claimsTheScopeForTheSubjectAsTheServiceAccountAtTheTokenEndpoint() throws Exception {
        JwtContext assertion = verifier(account).process(JwtAssertion.sign(key, SUBJECT, SCOPE, NOW));

        JwtClaims claims = assertion.getJwtClaims();
        assertEquals(TestServiceAccount.CLIENT_EMAIL, claims.getIssuer());
        assertEquals(SUBJECT, claims.getSubject());
        assertEquals(List.of(TOKEN_URI), claims.getAudience());
        assertEquals(SCOPE, claims.getStringClaimValue("scope"));
        assertEquals(NOW.getEpochSecond(), claims.getIssuedAt().getValue());
        assertEquals(NOW.plusSeconds(3600).getEpochSecond(), claims.getExpirationTime().getValue());
    }

    @Test
    void namesTheSigningKeyAndItsAlgorithm() throws Exception {
        JwtContext assertion = verifier(account).process(JwtAssertion.sign(key, SUBJECT, SCOPE, NOW));

        assertEquals(AlgorithmIdentifiers.RSA_USING_SHA256, assertion.getJoseObjects().get(0).getAlgorithmHeaderValue());
        assertEquals(TestServiceAccount.KEY_ID, assertion.getJoseObjects().get(0).getKeyIdHeaderValue());
    }

    @Test
    void doesNotVerifyWithAnotherAccountsKey() {
        String assertion = JwtAssertion.sign(key, SUBJECT, SCOPE, NOW);

        assertThrows(InvalidJwtException.class, () -> verifier(TestServiceAccount.generate(TOKEN_URI)).process(assertion));
    }

    private static JwtConsumer verifier(TestServiceAccount account) {
        return new JwtConsumerBuilder()
                .setVerificationKey(account.publicKey())
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256))
                .setExpectedAudience(TOKEN_URI)
                .setEvaluationTime(NumericDate.fromSeconds(NOW.getEpochSecond()))
                .setRequireExpirationTime()
                .build();
    }
}
