package dev.orgpulse.ingest.recovery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import dev.orgpulse.eventlog.Topics;
import dev.orgpulse.ingest.leader.Leadership;
import dev.orgpulse.ingest.support.GitHubApiResource;
import dev.orgpulse.testing.InjectKafkaBroker;
import dev.orgpulse.testing.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * {@code POST /admin/recovery} on a replica that does not lead: another member of the ingest's GitHub group (the
 * test, with a client id that sorts first, so the eager range assignor gives it the lease) holds the lead and runs
 * nothing, so the request waits; once that member leaves, this replica leads, runs the request and answers it.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GitHubApiResource.class)
class RecoveryOnAnyReplicaTest {

    private static final TopicPartition LEASE = new TopicPartition(Topics.BACKFILLS, 0);

    @InjectKafkaBroker
    KafkaBrokerResource broker;

    @Inject
    Leadership leadership;

    @Test
    void aRequestOnAReplicaThatDoesNotLeadIsRunByTheLeaderAndAnswered() throws Exception {
        CompletableFuture<Response> answer;
        try (KafkaConsumer<String, byte[]> leader = otherReplica()) {
            leader.subscribe(List.of(Topics.BACKFILLS));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
                leader.poll(Duration.ofMillis(200));
                return leader.assignment().contains(LEASE) && !leadership.leading();
            });

            answer = CompletableFuture.supplyAsync(
                    () -> given().header("Authorization", DeliveryRecoveryTest.ADMIN).post("/admin/recovery"));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> {
                leader.poll(Duration.ofMillis(200));
                return !answer.isDone();
            });
        }

        Response response = answer.get(60, TimeUnit.SECONDS);
        response.then().statusCode(200)
                .body("checked", notNullValue())
                .body("failed", notNullValue())
                .body("redelivered", notNullValue())
                .body("already_in_log", notNullValue());
    }

    private KafkaConsumer<String, byte[]> otherReplica() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "orgpulse-ingest-github",
                ConsumerConfig.CLIENT_ID_CONFIG, "a-replica-that-leads",
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
