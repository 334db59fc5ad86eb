package dev.orgpulse.ingest.completion;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orgpulse.eventlog.DeliveryMetadata;
import dev.orgpulse.eventlog.LogJson;
import dev.orgpulse.eventlog.Sources;
import dev.orgpulse.ingest.support.ConsumerGroupProgress;
import dev.orgpulse.ingest.support.GitHubApiResource;
import dev.orgpulse.ingest.support.InjectGitHub;
import dev.orgpulse.ingest.support.SignedDelivery;
import dev.orgpulse.testing.Fixtures;
import dev.orgpulse.testing.InjectKafkaBroker;
import dev.orgpulse.testing.KafkaBrokerResource;
import dev.orgpulse.testing.LogWatch;
import dev.orgpulse.testing.github.GitHubStandIn;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GitHubApiResource.class)
class PushCompleterTest {

    @InjectKafkaBroker
    KafkaBrokerResource broker;

    @InjectGitHub
    GitHubStandIn github;

    @Test
    void aPushOf2048CommitsThatStopsShortOfItsHeadIsCompletedFromTheCompareApi() throws Exception {
        ConsumerGroupProgress.awaitCaughtUp(broker, PushCompleter.GROUP_ID);
        ObjectNode push = (ObjectNode) LogJson.MAPPER.readTree(Fixtures.github("push", "with-new-branch.payload.json"));
        ArrayNode commits = push.putArray("commits");
        JsonNode template = LogJson.MAPPER.readTree(Fixtures.github("push", "with-new-branch.payload.json"))
                .path("commits").get(0);
        for (int i = 0; i < TruncatedPush.MAX_COMMITS; i++) {
            ((ObjectNode) commits.addObject().setAll((ObjectNode) template)).put("id", sha(i));
        }
        String head = sha(TruncatedPush.MAX_COMMITS + 2);
        push.put("after", head);
        // the compare from the last listed commit: two pages of the three missing, the last listed one repeated
        String compare = "/repos/Codertocat/Hello-World/compare/" + sha(TruncatedPush.MAX_COMMITS - 1) + "..." + head;
        github.server().stubFor(get(urlEqualTo(compare + "?per_page=100")).willReturn(okJson(comparePage(
                TruncatedPush.MAX_COMMITS - 1, TruncatedPush.MAX_COMMITS)).withHeader("Link",
                        "<" + github.baseUrl() + compare + "?per_page=100&page=2>; rel=\"next\"")));
        github.server().stubFor(get(urlEqualTo(compare + "?per_page=100&page=2")).willReturn(okJson(comparePage(
                TruncatedPush.MAX_COMMITS + 1, TruncatedPush.MAX_COMMITS + 2))));
        LogWatch log = LogWatch.from(broker);

        SignedDelivery delivery = SignedDelivery.of("push", LogJson.MAPPER.writeValueAsBytes(push));
        delivery.post().then().statusCode(202);

        await().atMost(Duration.ofSeconds(60)).until(() -> completions(log).size() == 2);
        List<String> added = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : completions(log)) {
            assertEquals("github:Codertocat/Hello-World", record.key(), "in order with the push it completes");
            JsonNode payload = LogJson.MAPPER.readTree(record.value());
            assertEquals("refs/heads/" + push.path("ref").asText().substring("refs/heads/".length()),
                    payload.path("ref").asText());
            payload.path("commits").forEach(commit -> added.add(commit.path("id").asText()));
        }
        assertEquals(List.of(sha(TruncatedPush.MAX_COMMITS), sha(TruncatedPush.MAX_COMMITS + 1),
                sha(TruncatedPush.MAX_COMMITS + 2)), added, "the missing commits, each once");
    }

    private static List<ConsumerRecord<String, byte[]>> completions(LogWatch log) {
        return log.appended().stream()
                .filter(record -> Sources.GITHUB_BACKFILL.equals(DeliveryMetadata.fromHeaders(record.headers()).source()))
                .toList();
    }

    private static String comparePage(int from, int to) {
        ObjectNode page = LogJson.MAPPER.createObjectNode().put("status", "ahead").put("total_commits", 4);
        ArrayNode commits = page.putArray("commits");
        for (int i = from; i <= to; i++) {
            ObjectNode commit = commits.addObject().put("sha", sha(i));
            ObjectNode git = commit.putObject("commit").put("message", "Commit " + i);
            git.putObject("author").put("name", "Codertocat").put("email", "octocat@github.com")
                    .put("date", "2019-05-15T15:20:00Z");
            git.putObject("committer").put("name", "Codertocat").put("email", "octocat@github.com")
                    .put("date", "2019-05-15T15:20:00Z");
            commit.putObject("author").put("login", "Codertocat").put("id", 21031067);
        }
        return page.toString();
    }

    private static String sha(int n) {
        return String.format("%040x", n + 1);
    }
}
