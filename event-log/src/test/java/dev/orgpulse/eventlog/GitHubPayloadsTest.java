package dev.orgpulse.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URLEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;


class GitHubPayloadsTest {

    private static byte[] fixture(String event, String file) {
        try {
            return Files.readAllBytes(Path.of(System.getProperty("orgpulse.fixtures.dir"), "github-webhooks", event, file));
        } catch (IOException e) {
            throw new AssertionError("fixture " + event + "/" + file + " is missing", e);
        }
    }

    @Test
    void keysRepositoryEventsByFullName() {
        var push = GitHubPayloads.parse(fixture("push", "payload.json"), "application/json");
        assertEquals("github:Codertocat/Hello-World", GitHubPayloads.recordKey(push));
    }

    @Test
    void keysOrganisationEventsByLogin() {
        var payload = GitHubPayloads.parse(fixture("member", "added.payload.json"), null);
        assertEquals("github:" + payload.path("repository").path("full_name").asText(),
                GitHubPayloads.recordKey(payload));
        var organization = GitHubPayloads.parse(
                "{\"action\":\"member_added\",\"organization\":{\"login\":\"acme\"}}".getBytes(StandardCharsets.UTF_8),
                "application/json");
        assertEquals("github:acme", GitHubPayloads.recordKey(organization));
    }

    @Test
    void theKeyMembersAloneGiveTheRecordKeyOfTheWholePayload() {
        List<byte[]> bodies = List.of(fixture("push", "payload.json"), fixture("member", "added.payload.json"),
                "{\"organization\":{\"login\":\"acme\",\"id\":1},\"sender\":{\"login\":\"octo\"}}"
                        .getBytes(StandardCharsets.UTF_8),
                "{\"sender\":{\"login\":\"octo\",\"id\":2}}".getBytes(StandardCharsets.UTF_8));
        for (byte[] body : bodies) {
            assertEquals(GitHubPayloads.recordKey(GitHubPayloads.parse(body, null)),
                    GitHubPayloads.recordKey(GitHubPayloads.parse(body, null, GitHubPayloads.RECORD_KEY_MEMBERS)));
        }
    }

    @Test
    void readsTheFormEncodedPayloadField() {
        byte[] json = fixture("push", "payload.json");
        byte[] form = ("payload=" + URLEncoder.encode(new String(json, StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(GitHubPayloads.parse(json, "application/json"),
                GitHubPayloads.parse(form, "application/x-www-form-urlencoded; charset=utf-8"));
    }

    @Test
    void rejectsBodiesThatAreNotAJsonObject() {
        assertThrows(MalformedRecordException.class,
                () -> GitHubPayloads.parse("[1,2]".getBytes(StandardCharsets.UTF_8), "application/json"));
        assertThrows(MalformedRecordException.class,
                () -> GitHubPayloads.parse("{nope".getBytes(StandardCharsets.UTF_8), "application/json"));
        assertThrows(MalformedRecordException.class,
                () -> GitHubPayloads.parse("other=1".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded"));
    }

    @Test
    void keepsTheNamedMembersAtEveryDepthAndNothingElse() {
        byte[] body = """
                {"repository": {"id": 7, "full_name": "acme/api", "hooks_url": "https://x", "owner": {"login": "acme"}},
                 "commits": [{"id": "abc", "added": ["a.java"], "url": "https://y"}], "draft": false, "size": 1.5,
                 "sender": null}""".getBytes(StandardCharsets.UTF_8);

        var payload = GitHubPayloads.parse(body, "application/json",
                Set.of("repository", "id", "full_name", "owner", "login", "commits", "added", "draft", "sender"));

        assertEquals("""
                {"repository":{"id":7,"full_name":"acme/api","owner":{"login":"acme"}},\
                "commits":[{"id":"abc","added":["a.java"]}],"draft":false,"sender":null}""", payload.toString());
    }

    @Test
    void invalidJsonInAMemberLeftOutIsStillRefused() {
        byte[] body = "{\"id\": 1, \"left_out\": [1, 2}".getBytes(StandardCharsets.UTF_8);

        assertThrows(MalformedRecordException.class, () -> GitHubPayloads.parse(body, null, Set.of("id")));
    }

    @Test
    void aFormBodyIsReadTheSameWay() {
        String json = "{\"id\": 1, \"left_out\": true}";
        byte[] form = ("payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);

        assertEquals("{\"id\":1}", GitHubPayloads.parse(form, GitHubPayloads.FORM_CONTENT_TYPE, Set.of("id")).toString());
    }
}
