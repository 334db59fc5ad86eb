package dev.orgpulse.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class DeliveryMetadataTest {

    @Test
    void survivesTheTripThroughRecordHeaders() {
        var metadata = DeliveryMetadata.accepted(Sources.GITHUB, "push", "72d3162e-cc78-11e3-81ab-4c9367dc0958",
                Instant.parse("2026-11-21T10:15:30.123Z"), "application/json", "github-secret-2");
        assertEquals(metadata, DeliveryMetadata.fromHeaders(metadata.toHeaders()));
        assertEquals("1", metadata.contractVersion());
    }

    @Test
    void refusesARecordWithoutADeliveryId() {
        Headers headers = DeliveryMetadata.accepted(Sources.GITHUB, "push", "d-1", Instant.now(), null, null)
                .toHeaders();
        headers.remove(LogHeaders.DELIVERY_ID);
        assertThrows(MalformedRecordException.class, () -> DeliveryMetadata.fromHeaders(headers));
    }

    @Test
    void changeNoticeRoundTripsAsJson() {
        var notice = new ChangeNotice("v1", Set.of(ReadModel.FEED, ReadModel.STATS), Map.of(0, 12L, 3, 4L),
                List.of(new FeedItem(7, 1_700_000_000L, "commit", "octocat", "acme/api", "fix: it")),
                Instant.parse("2026-11-21T10:15:30Z"));
        assertEquals(notice, ChangeNotice.fromJson(notice.toJson()));
    }

    @Test
    void readModelsHaveTheNamesTheContractDocuments() throws Exception {
        Map<ReadModel, String> documented = Map.of(ReadModel.FEED, "feed", ReadModel.STATS, "stats",
                ReadModel.CONTRIBUTORS, "contributors", ReadModel.REPOS, "repos", ReadModel.HEATMAP, "heatmap",
                ReadModel.PULL_REQUESTS, "pull_requests", ReadModel.MEETINGS, "meetings", ReadModel.CI_RUNS, "ci_runs",
                ReadModel.POINT_RULES, "point_rules");
        assertEquals(Set.of(ReadModel.values()), documented.keySet());
        for (var named : documented.entrySet()) {
            assertEquals("\"" + named.getValue() + "\"", LogJson.MAPPER.writeValueAsString(named.getKey()));
            assertEquals(named.getKey(), LogJson.MAPPER.readValue("\"" + named.getValue() + "\"", ReadModel.class));
        }
    }
}
