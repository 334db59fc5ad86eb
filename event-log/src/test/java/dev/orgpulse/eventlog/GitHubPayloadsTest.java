package dev.orgpulse.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URLEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
