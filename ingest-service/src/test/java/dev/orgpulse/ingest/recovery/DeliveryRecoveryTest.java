package dev.orgpulse.ingest.recovery;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orgpulse.ingest.support.GitHubApiResource;
import dev.orgpulse.ingest.support.InjectGitHub;
import dev.orgpulse.ingest.support.SignedDelivery;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.github.GitHubStandIn;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GitHubApiResource.class)
class DeliveryRecoveryTest {

    static final String ADMIN = "Bearer test-admin-key";

    @InjectGitHub
    GitHubStandIn github;

    @Test
    void redeliversWhatTheLogLacksAndNothingElse() {
        // the run at start (this replica leads alone) found nothing; this one looks back to it
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> github.server().verify(getRequestedFor(urlPathEqualTo(GitHubStandIn.deliveriesPath()))));
        String delivered = post();
        String failedButLogged = post();
        String failed = UUID.randomUUID().toString();
        String failedTwice = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String cursor = GitHubStandIn.deliveriesPath() + "?per_page=100&cursor=v1_page2";
        github.server().stubFor(get(urlEqualTo(GitHubStandIn.deliveriesPath() + "?per_page=100")).willReturn(
                okJson("[" + attempt(1006, failedTwice, now.minusSeconds(5), 502) + ","
                        + attempt(1005, delivered, now.minusSeconds(10), 202) + ","
                        + attempt(1004, failedButLogged, now.minusSeconds(15), 503) + "]")
                        .withHeader("Link", "<" + github.baseUrl() + cursor + ">; rel=\"next\"")));
        github.server().stubFor(get(urlEqualTo(cursor)).willReturn(
                okJson("[" + attempt(1003, failed, now.minusSeconds(20), 0) + ","
                        + attempt(1002, failedTwice, now.minusSeconds(25), 503) + ","
                        + attempt(900, UUID.randomUUID().toString(), now.minus(Duration.ofHours(3)), 503) + "]")
                        .withHeader("Link", "<" + github.baseUrl() + cursor + "3>; rel=\"next\"")));

        given().header("Authorization", ADMIN).post("/admin/recovery").then().statusCode(200)
                .body("checked", equalTo(4))
                .body("failed", equalTo(3))
                .body("redelivered", equalTo(2))
                .body("already_in_log", equalTo(1));

        github.server().verify(1, postRequestedFor(urlEqualTo(GitHubStandIn.redeliveryPath(1003))));
        github.server().verify(1, postRequestedFor(urlEqualTo(GitHubStandIn.redeliveryPath(1006))));
        github.server().verify(2, postRequestedFor(urlPathMatching(".*/attempts")));
        github.server().verify(0, getRequestedFor(urlEqualTo(cursor + "3")));
    }

    @Test
    void needsTheAdminKey() {
        given().post("/admin/recovery").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").post("/admin/recovery").then().statusCode(401);
    }

    private static String post() {
        SignedDelivery delivery = SignedDelivery.fixture("issues", "opened.payload.json");
        delivery.post().then().statusCode(202);
        return delivery.deliveryId();
    }

    private static String attempt(long id, String guid, Instant at, int status) {
        return "{\"id\":" + id + ",\"guid\":\"" + guid + "\",\"delivered_at\":\"" + at + "\",\"redelivery\":false,"
                + "\"duration\":0.2,\"status\":\"" + (status == 0 ? "timed out" : "answered") + "\",\"status_code\":"
                + status + ",\"event\":\"issues\",\"action\":\"opened\",\"installation_id\":null,"
                + "\"repository_id\":1296269}";
    }
}
