package dev.orgpulse.query.stream;

import static dev.orgpulse.query.support.ViewerApi.viewer;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.ReadModel;
import dev.orgpulse.query.support.ChangeNotices;
import dev.orgpulse.query.support.ReadModelRows;
import dev.orgpulse.testing.InjectKafkaBroker;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.PostgresDatabaseResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Restarts its broker, so it runs in an application (and with a broker) of its own. */
@QuarkusTest
@TestProfile(ChangeNoticeConsumerTest.OwnBroker.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "migrations",
        value = "filesystem:../projector-service/src/main/resources/db/migration"))
class ChangeNoticeConsumerTest {

    /** As long as FaultsIT keeps the broker away (fault 4). */
    private static final Duration BROKER_AWAY = Duration.ofSeconds(8);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The default configuration; a profile of its own only so that no other test class shares this broker. */
    public static class OwnBroker implements QuarkusTestProfile {
    }

    @InjectKafkaBroker
    KafkaBrokerResource broker;

    @Inject
    ChangeNoticeConsumer notices;

    @Test
    void noticesPublishedAfterTheBrokerRestartedStillEmptyTheCaches() throws Exception {
        ChangeNotices.awaitListening(notices);
        ReadModelRows.feedItem(Instant.now().minus(Duration.ofHours(1)), "commit", "alice", "org/api", "one", false);
        ChangeNotices.publish(Set.of(ReadModel.STATS));
        await().atMost(PATIENCE).untilAsserted(() -> commits(1));

        broker.stopBroker();
        Thread.sleep(BROKER_AWAY.toMillis());
        broker.restartBroker();

        ReadModelRows.feedItem(Instant.now().minus(Duration.ofMinutes(5)), "commit", "bob", "org/web", "two", false);
        commits(1); // cached until a notice names the stats
        ChangeNotices.publish(Set.of(ReadModel.STATS));
        await().atMost(PATIENCE).untilAsserted(() -> commits(2));
    }

    private static void commits(int expected) {
        viewer().get("/api/stats").then().statusCode(200).body("commits", equalTo(expected));
    }
}
