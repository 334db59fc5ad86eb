package dev.orgpulse.query.gate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** ORGPULSE_DEV_AUTH_BYPASS=true opens the gate without any key. */
@QuarkusTest
@TestProfile(DevBypassTest.Bypass.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "migrations",
        value = "filesystem:../projector-service/src/main/resources/db/migration"))
class DevBypassTest {

    public static class Bypass implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("orgpulse.access-key", "", "orgpulse.dev-auth-bypass", "true");
        }
    }

    @Test
    void everyoneIsAdmitted() {
        given().get("/api/stats").then().statusCode(200);
        given().get("/api/heatmap").then().statusCode(200);
        given().redirects().follow(false).get("/").then().statusCode(200);
    }

    @Test
    void everyPageSaysLoudlyThatTheGateIsOpen() {
        for (String path : new String[] {"/", "/people/alice", "/repos/org/api", "/login"}) {
            given().get(path).then().statusCode(200)
                    .body(containsString("class=\"dev-banner\""))
                    .body(containsString("Dev auth bypass is ON"));
        }
    }
}
