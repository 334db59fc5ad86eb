package dev.orgpulse.query.gate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                .body(containsString("<form method=\"post\" action=\"/login\">"))
                .body(containsString("name=\"key\""));

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
                .body(containsString("/assets/dashboard.js"));
        given().cookie("orgpulse_session", session + "x").get("/api/stats").then().statusCode(401);
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
    void theDashboardSendsStrangersToTheLoginPage() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void signingOutClearsTheCookie() {
        given().redirects().follow(false).post("/logout").then()
                .statusCode(303)
                .header("Location", containsString("/login"))
                .header("Set-Cookie", containsString("orgpulse_session=;"))
                .header("Set-Cookie", containsString("Max-Age=0"));
    }

    @Test
    void healthIsPublicAndSaysWhenTheReadModelLastChanged() {
        ReadModelRows.readModelUpdatedAt(Instant.parse("2024-03-01T12:34:56Z"));

        given().get("/healthz").then().statusCode(200).contentType(ContentType.JSON)
                .body("status", equalTo("UP"))
                .body("read_model_updated_at", equalTo("2024-03-01T12:34:56Z"))
                .body("version", equalTo("v1"));
        ManagementInterface.given().get("/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(404);
        given().get("/assets/dashboard.js").then().statusCode(200).body(not(containsString("test-viewer-key")));
    }
}
