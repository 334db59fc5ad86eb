package dev.orgpulse.ingest.oidc;

import java.security.Key;
import java.time.Duration;
import java.util.List;

import org.jose4j.http.Get;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Google's token signing keys, from its JWKS endpoint: cached for as long as the endpoint says (Cache-Control),
 * fetched again when a token names a key the cache does not hold, but no oftener than the minimum interval.
 * <p>
 * Only an RS256 signature with a named key ({@code kid}) gets as far as the key set: anything else (alg
 * {@code none}, an HMAC "signed" with the public key) is refused before it can cause a fetch.
 */
public final class GoogleSigningKeys implements VerificationKeyResolver {

    static final String ALGORITHM = AlgorithmIdentifiers.RSA_USING_SHA256;
    static final AlgorithmConstraints ONLY_RS256 = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, ALGORITHM);

    private static final int FETCH_TIMEOUT_MILLIS = 2_000;
    /**
     * Google announces a key long before signing with it and keeps it published after: when the endpoint is down
     * at the moment the cache expires, the cached keys stay good for this long rather than every push failing.
     */
    private static final long KEEP_KEYS_ON_FETCH_ERROR_SECONDS = Duration.ofHours(1).toSeconds();

    private final HttpsJwks keySet;
    private final HttpsJwksVerificationKeyResolver resolver;

    public GoogleSigningKeys(String jwksUrl, Duration minRefreshInterval) {
        Get http = new Get();
        http.setConnectTimeout(FETCH_TIMEOUT_MILLIS);
        http.setReadTimeout(FETCH_TIMEOUT_MILLIS);
        // a push waits for the fetch: fail it and let Pub/Sub retry, rather than retry here past its deadline
        http.setRetries(0);
        this.keySet = new HttpsJwks(jwksUrl);
        keySet.setSimpleHttpGet(new ThrottledGet(http, minRefreshInterval, System::nanoTime));
        // an unknown key id refreshes the cache, unless it was refreshed within this interval
        keySet.setRefreshReprieveThreshold(minRefreshInterval.toMillis());
        keySet.setRetainCacheOnErrorDuration(KEEP_KEYS_ON_FETCH_ERROR_SECONDS);
        this.resolver = new HttpsJwksVerificationKeyResolver(keySet);
    }

    public String location() {
        return keySet.getLocation();
    }

    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext) throws UnresolvableKeyException {
        if (!ALGORITHM.equals(jws.getAlgorithmHeaderValue())) {
            throw new UnresolvableKeyException("the token is signed with alg " + jws.getAlgorithmHeaderValue()
                    + "; Google signs with " + ALGORITHM);
        }
        String keyId = jws.getKeyIdHeaderValue();
        if (keyId == null || keyId.isBlank()) {
            throw new UnresolvableKeyException("the token names no signing key (kid)");
        }
        try {
            return resolver.resolveKey(jws, nestingContext);
        } catch (UnresolvableKeyException e) {
            if (e.getCause() != null) {
                throw new SigningKeysUnavailableException("Google's signing keys could not be fetched from "
                        + keySet.getLocation() + ": " + e.getCause().getMessage(), e.getCause());
            }
            throw new UnresolvableKeyException("Google's key set holds no key " + keyId);
        }
    }
}
