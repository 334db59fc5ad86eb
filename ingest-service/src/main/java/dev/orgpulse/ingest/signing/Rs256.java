package dev.orgpulse.ingest.signing;

import java.security.PrivateKey;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Compact RS256 JWTs, as Google's service-account grant and GitHub's App authentication both ask for. */
public final class Rs256 {

    private Rs256() {
    }

    /**
     * @param keyId named in the header when not {@code null}
     * @param signer who signs, for the message when the key cannot
     */
    public static String sign(JwtClaims claims, PrivateKey key, String keyId, String signer) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        if (keyId != null) {
            jws.setKeyIdHeaderValue(keyId);
        }
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(signer + "'s key cannot sign RS256: " + e.getMessage(), e);
        }
    }
}
