package dev.orgpulse.ingest.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.PointRules;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.testing.InjectKafkaBroker;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.LogWatch;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class PointRulesAdminTest {

    private static final String ADMIN = "Bearer test-admin-key";

    @InjectKafkaBroker
    KafkaBrokerResource broker;

    @Test
    void aRuleChangeIsAppendedAsARecordOfItsOwnHoldingTheWholeRuleSet() {
        LogWatch log = LogWatch.from(broker);

        String delivery = put(ADMIN, "[{\"event\": \"review\", \"points\": 10, \"description\": \"a review\"}]")
                .statusCode(202)
                .body("status", equalTo("accepted"))
                .body("delivery", startsWith("point-rules:"))
                .body("rules.size()", equalTo(PointRules.DEFAULTS.size()))
                .body("rules.find { it.event == 'review' }.points", equalTo(10))
                .extract().path("delivery");

        List<ConsumerRecord<String, byte[]>> appended = log.appended();
        assertEquals(1, appended.size());
        ConsumerRecord<String, byte[]> record = appended.get(0);
        assertEquals(PointRules.RECORD_KEY, record.key());
        DeliveryMetadata metadata = DeliveryMetadata.fromHeaders(record.headers());
        assertEquals(List.of(Sources.ADMIN, PointRules.EVENT_TYPE, delivery, "application/json"),
                List.of(metadata.source(), metadata.eventType(), metadata.deliveryId(), metadata.contentType()));
        List<PointRules.Rule> rules = PointRules.read(record.value());
        assertEquals(new PointRules.Rule("review", 10, "a review"), rules.get(2));
        assertEquals(PointRules.DEFAULTS.get(0), rules.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = { "[{\"event\": \"stars\", \"points\": 1}]", "[{\"event\": \"review\", \"points\": -2}]",
            "[{\"event\": \"review\", \"points\": 2.5}]", "{\"review\": 2}", "not json" })
    void anUnknownEventOrPointsThatAreNotAWholeNumberAreRefusedAndNothingIsAppended(String body) {
        LogWatch log = LogWatch.from(broker);

        put(ADMIN, body).statusCode(400).body("error", equalTo("invalid point rules"));

        log.assertNothingAppended();
    }

    @Test
    void onlyTheAdminKeyChangesTheRules() {
        LogWatch log = LogWatch.from(broker);

        put("Bearer not-the-key", "[]").statusCode(401).body("error", equalTo("unauthorized"));

        log.assertNothingAppended();
    }

    private static ValidatableResponse put(String authorization, String body) {
        return given().header("Authorization", authorization).contentType("application/json").body(body)
                .put("/admin/point-rules").then();
    }
}
