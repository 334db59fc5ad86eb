package dev.orgpulse.query.gate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With neither an access key nor the dev bypass, the API is closed to everyone. */
@QuarkusTest
@TestProfile(ClosedGateTest.NoAccessKey.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "migrations",
        value = "filesystem:../projector-service/src/main/resources/db/migration"))
class ClosedGateTest {

    public static class NoAccessKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("orgpulse.access-key", "");
        }
    }

    @Test
    void theApiIsClosedWhateverIsPresented() {
        given().get("/api/stats").then().statusCode(401).body("detail", containsString("ORGPULSE_ACCESS_KEY"));
        given().auth().oauth2("test-viewer-key").get("/api/stats").then().statusCode(401);
        given().header("Authorization", "Bearer ").get("/api/stats").then().statusCode(401);
        given().redirects().follow(false).get("/").then().statusCode(303);
    }

    @Test
    void nobodyCanSignIn() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("key", "")
                .post("/login").then().statusCode(401).header("Set-Cookie", nullValue());
        given().get("/login").then().statusCode(200).body(containsString("No access key and no Google sign-in are configured"));
    }

    @Test
    void healthStaysPublic() {
        given().get("/healthz").then().statusCode(200).body("status", equalTo("UP"));
    }
}
