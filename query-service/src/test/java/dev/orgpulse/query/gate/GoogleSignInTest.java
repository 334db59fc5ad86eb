package dev.orgpulse.query.gate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.orgpulse.query.support.GoogleSignInStandIn;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Google Workspace sign-in through the OIDC extension's authorization-code flow, against Google's endpoints on
 * WireMock: a browser (an HTTP client that follows redirects and keeps cookies) goes to {@code /login/google}, to
 * the provider, back with a code, and ends on the wall with a session, or is refused.
 */
@QuarkusTest
@TestProfile(GoogleSignInTest.WithGoogle.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "migrations",
        value = "filesystem:../projector-service/src/main/resources/db/migration"))
class GoogleSignInTest {

    public static class WithGoogle implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("orgpulse.access-key", "");
        }

        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(GoogleSignInStandIn.class));
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void aVerifiedAccountOfTheWorkspaceSignsInAndReadsTheWall() throws Exception {
        GoogleSignInStandIn.signInAs("ada@orgpulse.test", true, "orgpulse.test");
        CookieManager cookies = new CookieManager();

        HttpResponse<String> landed = browse(cookies, "login/google");

        assertEquals(200, landed.statusCode(), landed.body());
        assertEquals(base.resolve("/").getPath(), landed.uri().getPath());
        assertThat(landed.body(), containsString("assets/wall.js"));
        assertTrue(session(cookies).isPresent(), cookies.getCookieStore().getCookies().toString());
        assertTrue(cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().startsWith("q_session"))
                .allMatch(c -> c.getPath().equals("/login/google")),
                "Quarkus's own OIDC session cookie goes nowhere but to the sign-in path: " + cookies.getCookieStore().getCookies());
        assertEquals(200, browse(cookies, "api/stats").statusCode());
        // signing out ends the session
        HttpResponse<String> out = client(cookies).send(HttpRequest.newBuilder(base.resolve("logout"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.uri().getPath(), containsString("/login"));
        assertEquals(401, browse(cookies, "api/stats").statusCode());
        assertTrue(cookies.getCookieStore().getCookies().stream().noneMatch(c -> c.getName().startsWith("q_session")
                || c.getName().equals("orgpulse_session")), cookies.getCookieStore().getCookies().toString());
    }

    @Test
    void anAccountOutsideTheWorkspaceIsRefusedAndGetsNoSession() throws Exception {
        for (String[] account : new String[][] {{"eve@gmail.com", "true", null}, {"eve@orgpulse.test", "true", null},
                {"eve@orgpulse.test", "false", "orgpulse.test"}, {"eve@orgpulse.test", "true", "other.test"}}) {
            GoogleSignInStandIn.signInAs(account[0], Boolean.parseBoolean(account[1]), account[2]);
            CookieManager cookies = new CookieManager();

            HttpResponse<String> refused = browse(cookies, "login/google");

            assertEquals(403, refused.statusCode(), String.join(",", account) + ": " + refused.body());
            assertThat(refused.body(), containsString("Not admitted"));
            assertTrue(session(cookies).isEmpty(), String.join(",", account));
            assertEquals(401, browse(cookies, "api/stats").statusCode());
        }
    }

    @Test
    void theLoginPageOffersGoogleAndNoKeyFormWhenNoKeyIsConfigured() throws Exception {
        HttpResponse<String> page = browse(new CookieManager(), "login");

        assertThat(page.body(), containsString("Sign in with Google"));
        assertTrue(!page.body().contains("name=\"key\""), page.body());
    }

    private HttpResponse<String> browse(CookieManager cookies, String path) throws Exception {
        return client(cookies).send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient client(CookieManager cookies) {
        return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.ALWAYS).build();
    }

    private static Optional<HttpCookie> session(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("orgpulse_session") && !cookie.getValue().isEmpty())
                .findFirst();
    }
}
