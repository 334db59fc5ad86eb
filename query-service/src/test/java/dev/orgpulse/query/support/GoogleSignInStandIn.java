package dev.orgpulse.query.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.orgpulse.testing.google.GoogleIdToken;
import dev.orgpulse.testing.google.GoogleKeys;
import dev.orgpulse.testing.google.GoogleStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Google as an OpenID provider, on WireMock: the discovery document, the signing keys, an authorization endpoint that
 * approves at once (it sends the browser straight back with a code and the state it was given), and a token endpoint
 * that answers the code with an ID token for whichever account the test {@linkplain #signInAs chose}.
 */
public class GoogleSignInStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "orgpulse-test.apps.googleusercontent.com";
    public static final String CLIENT_SECRET = "orgpulse-test-client-secret";
    public static final String DOMAIN = "orgpulse.test";
    private static final String AUTHORIZE_PATH = "/o/oauth2/v2/auth";

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        String issuer = server.baseUrl();
        server.stubFor(get(urlEqualTo("/.well-known/openid-configuration")).willReturn(okJson("""
                {"issuer": "%1$s", "authorization_endpoint": "%1$s%2$s", "token_endpoint": "%1$s%3$s",
                 "jwks_uri": "%1$s%4$s", "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"], "scopes_supported": ["openid", "email", "profile"]}
                """.formatted(issuer, AUTHORIZE_PATH, GoogleStandIn.TOKEN_PATH, GoogleStandIn.JWKS_PATH))));
        GoogleKeys.publish(server, GoogleKeys.CURRENT);
        server.stubFor(get(urlPathEqualTo(AUTHORIZE_PATH)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "{{request.query.redirect_uri}}?code=test-code&state={{request.query.state}}")
                .withTransformers("response-template")));
        return Map.of("orgpulse.oidc.client-id", CLIENT_ID, "orgpulse.oidc.client-secret", CLIENT_SECRET,
                "orgpulse.oidc.issuer", issuer, "orgpulse.allowed-email-domain", DOMAIN);
    }

    /** The next code exchange returns an ID token with these claims (signed with the published key). */
    public static void signInAs(String email, boolean emailVerified, String hostedDomain) {
        GoogleIdToken token = GoogleIdToken.valid()
                .claim("iss", server.baseUrl())
                .claim("aud", CLIENT_ID)
                .claim("azp", CLIENT_ID)
                .claim("email", email)
                .claim("email_verified", emailVerified);
        if (hostedDomain != null) {
            token.claim("hd", hostedDomain);
        }
        server.stubFor(post(urlEqualTo(GoogleStandIn.TOKEN_PATH)).willReturn(okJson("""
                {"access_token": "ya29.test", "token_type": "Bearer", "expires_in": 3599, "scope": "openid email profile",
                 "id_token": "%s"}""".formatted(token.signedWith(GoogleKeys.CURRENT)))));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
