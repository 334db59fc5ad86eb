package dev.orgpulse.testing;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Requests to the service's management interface, where health ({@code /q/health}) and metrics ({@code /q/metrics})
 * answer, off the public port. A {@code @QuarkusTest} starts it on a port of its own
 * ({@code quarkus.management.test-port=0}); paths are relative to its root, {@code /q}.
 */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    /** Like RestAssured's {@code given()}, aimed at {@code http://localhost:<management test port>/q}. */
    public static RequestSpecification given() {
        return RestAssured.given().baseUri(TestHTTPResourceManager.getManagementUri());
    }
}
