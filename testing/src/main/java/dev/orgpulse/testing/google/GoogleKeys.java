package dev.orgpulse.testing.google;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

import com.github.tomakehurst.wiremock.WireMockServer;

/** The test's stand-ins for Google's signing keys: RSA key pairs generated for this run, named by their kid. */
public final class GoogleKeys {

    /** The key the tests' key set publishes. */
    public static final RsaJsonWebKey CURRENT = generate("orgpulse-test-current");
    /** A key that appears in the key set only when a test rotates the keys. */
    public static final RsaJsonWebKey ROTATED = generate("orgpulse-test-rotated");
    /** A key never published: whatever kid a token claims, its signature comes from here. */
    public static final RsaJsonWebKey UNPUBLISHED = generate("orgpulse-test-unpublished");

    private GoogleKeys() {
    }

    /** Serves exactly these keys (their public halves) as the JWKS. */
    public static void publish(WireMockServer jwks, RsaJsonWebKey... keys) {
        String set = Arrays.stream(keys)
                .map(key -> key.toJson(RsaJsonWebKey.OutputControlLevel.PUBLIC_ONLY))
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
        jwks.stubFor(get(urlEqualTo(GoogleStandIn.JWKS_PATH)).willReturn(okJson(set)));
    }

    /** How often the service fetched the key set since the server's request journal was last reset. */
    public static int fetches(WireMockServer jwks) {
        return jwks.countRequestsMatching(getRequestedFor(urlEqualTo(GoogleStandIn.JWKS_PATH)).build())
                .getCount();
    }

    private static RsaJsonWebKey generate(String keyId) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(keyId);
            key.setAlgorithm("RS256");
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
