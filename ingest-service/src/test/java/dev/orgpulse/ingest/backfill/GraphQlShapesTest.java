package dev.orgpulse.ingest.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orgpulse.eventlog.LogJson;

class GraphQlShapesTest {

    @Test
    void aMergedPullRequestReadsAsTheRestApiAnswersIt() throws IOException {
        JsonNode node = LogJson.MAPPER.readTree("""
                {"databaseId": 1347, "number": 7, "title": "Add the cache", "state": "MERGED", "isDraft": false,
                 "merged": true, "createdAt": "2026-03-01T10:00:00Z", "updatedAt": "2026-03-02T10:00:00Z",
                 "closedAt": "2026-03-02T09:00:00Z", "mergedAt": "2026-03-02T09:00:00Z", "url": "https://github.com/a/b/pull/7",
                 "additions": 120, "deletions": 7, "changedFiles": 4, "baseRefName": "main", "headRefName": "cache",
                 "author": {"__typename": "User", "login": "octocat", "avatarUrl": "https://a/u/1", "databaseId": 1},
                 "mergedBy": {"__typename": "Bot", "login": "mergify", "avatarUrl": "https://a/u/2", "databaseId": 2},
                 "commits": {"totalCount": 2}, "labels": {"nodes": [{"name": "perf"}]},
                 "reviewRequests": {"nodes": [{"requestedReviewer": {"__typename": "User", "login": "hubot"}},
                                              {"requestedReviewer": {}}]}}
                """);

        JsonNode pr = GraphQlShapes.pullRequest(node);

        assertEquals(1347, pr.path("id").asLong());
        assertEquals("closed", pr.path("state").asText());
        assertTrue(pr.path("merged").asBoolean());
        assertEquals("2026-03-02T09:00:00Z", pr.path("merged_at").asText());
        assertEquals("octocat", pr.path("user").path("login").asText());
        assertEquals("User", pr.path("user").path("type").asText());
        assertEquals("mergify[bot]", pr.path("merged_by").path("login").asText(), "an App's login as REST gives it");
        assertEquals("Bot", pr.path("merged_by").path("type").asText());
        assertEquals(2, pr.path("commits").asInt());
        assertEquals("main", pr.path("base").path("ref").asText());
        assertEquals("perf", pr.path("labels").get(0).path("name").asText());
        assertEquals(1, pr.path("requested_reviewers").size(), "a team asked to review has no login");
    }

    @Test
    void anOpenPullRequestHasNoMergeData() throws IOException {
        JsonNode pr = GraphQlShapes.pullRequest(LogJson.MAPPER.readTree("""
                {"databaseId": 1, "number": 2, "title": "Draft", "state": "OPEN", "isDraft": true, "merged": false,
                 "closedAt": null, "mergedAt": null, "mergedBy": null, "author": null}
                """));

        assertEquals("open", pr.path("state").asText());
        assertTrue(pr.path("merged_at").isNull());
        assertTrue(pr.path("draft").asBoolean());
        assertTrue(pr.path("merged_by").isMissingNode());
        assertEquals("ghost", pr.path("user").path("login").asText(), "a deleted account, as REST names it");
    }

    @Test
    void aCommitReadsAsOneOfTheRestCommitList() throws IOException {
        JsonNode commit = GraphQlShapes.commit(LogJson.MAPPER.readTree("""
                {"oid": "abc123", "message": "Fix it", "committedDate": "2026-03-02T10:00:00Z", "url": "https://c",
                 "author": {"name": "Mona", "email": "mona@example.com", "user": {"login": "mona"}}}
                """));

        assertEquals("abc123", commit.path("sha").asText());
        assertEquals("Fix it", commit.path("commit").path("message").asText());
        assertEquals("2026-03-02T10:00:00Z", commit.path("commit").path("committer").path("date").asText());
        assertEquals("Mona", commit.path("commit").path("author").path("name").asText());
        assertEquals("mona", commit.path("author").path("login").asText());
        assertEquals("https://c", commit.path("html_url").asText());
    }
}
