package dev.orgpulse.query.gate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.orgpulse.query.support.ReadModelRows;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.ManagementInterface;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The viewer gate with an access key configured (the test profile's {@code test-viewer-key}). */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "migrations",
        value = "filesystem:../projector-service/src/main/resources/db/migration"))
class GateEndpointsTest {

    private static final String KEY = "test-viewer-key";

    @Test
    void noCredentialsGetA401JsonError() {
        for (String path : new String[] {"/api/stats", "/api/events/recent", "/api/contributors/active",
                "/api/repos/top", "/api/heatmap", "/api/stream", "/api/no-such-thing"}) {
            given().get(path).then()
                    .statusCode(401)
                    .contentType(ContentType.JSON)
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("error", equalTo("unauthorized"))
                    .body("detail", containsString("/login"));
        }
    }

    @Test
    void aWrongBearerKeyIsRefusedAndTheRightOneAdmitted() {
        given().auth().oauth2("not-the-key").get("/api/stats").then().statusCode(401);
        given().auth().oauth2(KEY + "x").get("/api/stats").then().statusCode(401);
        given().auth().oauth2(KEY).get("/api/stats").then().statusCode(200);
    }

    @Test
    void theStreamIsGatedLikeTheRest() {
        given().auth().oauth2("not-the-key").accept("text/event-stream").get("/api/stream").then().statusCode(401);
    }

    @Test
    void theLoginFormGivesABrowserASessionCookie() {
        given().get("/login").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("<form method=\"post\" action=\"login\">"))
                .body(containsString("name=\"key\""))
                .body(not(containsString("Sign in with Google")));

        Response signedIn = given().redirects().follow(false).contentType(ContentType.URLENC).formParam("key", KEY)
                .post("/login");

        signedIn.then().statusCode(303).header("Location", containsString("/"));
        String setCookie = signedIn.getHeader("Set-Cookie");
        assertTrue(setCookie.startsWith("orgpulse_session="), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);
        assertTrue(setCookie.contains("Max-Age=43200"), setCookie);
        String session = signedIn.getCookie("orgpulse_session");

        given().cookie("orgpulse_session", session).get("/api/stats").then().statusCode(200);
        given().cookie("orgpulse_session", session).get("/").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("assets/wall.js"));
        given().cookie("orgpulse_session", session + "x").get("/api/stats").then().statusCode(401);
    }

    @Test
    void withoutAClientIdGoogleSignInIsOff() {
        given().redirects().follow(false).get("/login/google").then().statusCode(404)
                .body(containsString("Google sign-in is not configured"));
    }

    @Test
    void aWrongKeyOnTheLoginFormSetsNoCookie() {
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("key", "guess")
                .post("/login").then()
                .statusCode(401)
                .header("Set-Cookie", nullValue())
                .body(containsString("not accepted"));
    }

    @Test
    void everyPageAndEveryUnknownPathSendsStrangersToTheLoginPage() {
        for (String path : new String[] {"/", "/people/alice", "/repos/org/api", "/no-such-page", "/index.html"}) {
            given().redirects().follow(false).get(path).then().statusCode(303)
                    .header("Location", containsString("/login"));
        }
    }

    @Test
    void behindAProxyRedirectsAndLinksStayUnderItsPrefixAndHost() {
        given().redirects().follow(false).header("X-Forwarded-Prefix", "/tools/orgpulse")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "wall.example.com")
                .get("/").then().statusCode(303)
                .header("Location", equalTo("https://wall.example.com/tools/orgpulse/login"));
        given().header("X-Forwarded-Prefix", "/tools/orgpulse").get("/login").then().statusCode(200)
                .body(containsString("<base href=\"/tools/orgpulse/\">"));
        given().auth().oauth2(KEY).header("X-Forwarded-Prefix", "/tools/orgpulse").get("/").then().statusCode(200)
                .body(containsString("<base href=\"/tools/orgpulse/\">"));
        // over https the session cookie is Secure
        String setCookie = given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .contentType(ContentType.URLENC).formParam("key", KEY).post("/login").getHeader("Set-Cookie");
        assertTrue(setCookie.contains("Secure"), setCookie);
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefused() {
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("key", KEY)
                .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site")
                .post("/login").then()
                .statusCode(403)
                .header("Set-Cookie", nullValue())
                .body("error", equalTo("forbidden"));
        given().redirects().follow(false).header("Origin", "https://evil.example").post("/logout").then().statusCode(403);
        // the page's own form: same origin
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("key", KEY)
                .header("Sec-Fetch-Site", "same-origin")
                .post("/login").then().statusCode(303);
    }

    @Test
    void signingOutClearsTheCookies() {
        Response signedOut = given().redirects().follow(false).post("/logout");

        signedOut.then().statusCode(303).header("Location", containsString("/login"));
        java.util.List<String> cleared = signedOut.headers().getValues("Set-Cookie");
        assertTrue(cleared.stream().anyMatch(c -> c.startsWith("orgpulse_session=;") && c.contains("Max-Age=0")),
                cleared.toString());
        // Google sign-in's own session cookie too, on the only path it goes to
        assertTrue(cleared.stream().anyMatch(c -> c.startsWith("q_session_google=;") && c.contains("Path=/login/google")
                && c.contains("Max-Age=0")), cleared.toString());
    }

    @Test
    void healthIsPublicAndSaysWhenTheReadModelLastChanged() {
        ReadModelRows.readModelUpdatedAt(Instant.parse("2024-03-01T12:34:56Z"));

        given().get("/healthz").then().statusCode(200).contentType(ContentType.JSON)
                .body("status", equalTo("UP"))
                .body("read_model_updated_at", equalTo("2024-03-01T12:34:56Z"))
                .body("version", equalTo("v1"));
        // ready once the change notice consumer reads (ChangeNoticeReadiness), a moment after the start
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ManagementInterface.given().get("/health").then()
                .statusCode(200).body("status", equalTo("UP")).body("checks.name", hasItem("change-notices")));
        // metrics are on the management port; on the public one /q/metrics is just another gated page
        given().redirects().follow(false).get("/q/metrics").then().statusCode(303);
        given().get("/assets/wall.js").then().statusCode(200).body(not(containsString("test-viewer-key")));
    }
}
