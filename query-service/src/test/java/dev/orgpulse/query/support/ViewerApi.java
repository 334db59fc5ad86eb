package dev.orgpulse.query.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;

import org.hamcrest.Matchers;

import io.restassured.specification.RequestSpecification;

/** Asks the API as a viewer with the test access key. */
public final class ViewerApi {

    private ViewerApi() {
    }

    public static RequestSpecification viewer() {
        return given().auth().oauth2("test-viewer-key");
    }

    /** The JSON body of a {@code 200} answer. */
    public static String get(String path) {
        return viewer().get(path).then().statusCode(200).contentType("application/json").extract().asString();
    }

    /** Asserts a {@code 404} with the JSON error body. */
    public static void notFound(String path) {
        viewer().get(path).then().statusCode(404).contentType("application/json")
                .body("error", Matchers.equalTo("not_found"));
    }

    /** One item of {@code /api/events/recent}, as the API shapes it. */
    public static Map<String, Object> recentEvent(Instant ts, String kind, String dev, String repo, String message) {
        return Map.of("ts", ts.getEpochSecond(), "kind", kind, "dev", dev, "repo", repo, "message", message);
    }
}
