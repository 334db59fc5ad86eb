package dev.orgpulse.query.support;

import static io.restassured.RestAssured.given;

import org.hamcrest.Matchers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Asks the API as a viewer with the test access key. */
public final class ViewerApi {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ViewerApi() {
    }

    /** The JSON body of a {@code 200} answer. */
    public static String get(String path) {
        return given().auth().oauth2("test-viewer-key").get(path).then().statusCode(200)
                .contentType("application/json").extract().asString();
    }

    /** Asserts a {@code 404} with the JSON error body. */
    public static void notFound(String path) {
        given().auth().oauth2("test-viewer-key").get(path).then().statusCode(404).contentType("application/json")
                .body("error", Matchers.equalTo("not_found"));
    }

    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
